import { NextResponse } from 'next/server'
import { roomRoute, type RoomRouteContext } from '../roomRoute'

/** The board's sessions, newest first. Members only. */
export function GET(_request: Request, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) =>
    NextResponse.json({ sessions: await app.sessions.listForRoom(roomId, actor) })
  )
}
