import { NextResponse } from 'next/server'
import { roomRoute, type RoomRouteContext } from '../roomRoute'
import { refuseOverBoardQuota } from '../../boardQuota'

/**
 * A new board owned by the caller, starting as a copy of this one's drawing:
 * `{ roomId }`. Members only. A duplicate is a new board: it counts against
 * the same hourly quota as `POST /api/rooms` (429 with `Retry-After` past it).
 */
export function POST(_request: Request, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) => {
    const overQuota = await refuseOverBoardQuota(actor)
    if (overQuota) return overQuota
    return NextResponse.json(await app.boards.duplicate(roomId, actor), { status: 201 })
  })
}
