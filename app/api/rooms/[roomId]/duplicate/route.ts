import { NextResponse } from 'next/server'
import { roomRoute, type RoomRouteContext } from '../roomRoute'

/** A new board owned by the caller, starting as a copy of this one's drawing: `{ roomId }`. Members only. */
export function POST(_request: Request, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) =>
    NextResponse.json(await app.boards.duplicate(roomId, actor), { status: 201 })
  )
}
