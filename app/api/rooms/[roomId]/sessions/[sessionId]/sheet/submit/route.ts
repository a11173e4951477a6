import { NextResponse } from 'next/server'
import { sessionRoute, type SessionRouteContext } from '../../../../roomRoute'

/** Submits the caller's sheet: it never changes again. */
export function POST(_request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) =>
    NextResponse.json(await app.sheets.submit(roomId, sessionId, actor))
  )
}
