import { NextResponse } from 'next/server'
import { sessionRoute, type SessionRouteContext } from '../sessionRoute'

/** Publishes a read-only copy of the rubric to the room (interviewers). */
export function POST(_request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, actor, sessions }) =>
    NextResponse.json(await sessions.shareRubric(roomId, actor))
  )
}
