import { NextResponse } from 'next/server'
import { sessionRoute, type SessionRouteContext } from '../../roomRoute'

/** One session as the caller may see it. Members only. */
export function GET(_request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) =>
    NextResponse.json(await app.sessions.view(roomId, actor, sessionId))
  )
}

/** Deletes an ended session with its sheets and recordings. Interviewers only. */
export function DELETE(_request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) => {
    await app.sessions.delete(roomId, actor, sessionId)
    return new NextResponse(null, { status: 204 })
  })
}
