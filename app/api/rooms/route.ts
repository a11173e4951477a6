import { NextResponse, type NextRequest } from 'next/server'
import { createRoomId } from '@/lib/room/roomId'

/**
 * Creates a room and sends the browser to it (303, so a form post becomes a
 * GET of the board). With `Accept: application/json` it answers `{ roomId, url }`.
 * The room's document is created by the collab server on first connect.
 */
export function POST(request: NextRequest) {
  const roomId = createRoomId()
  const path = `/r/${roomId}`
  if (request.headers.get('accept')?.includes('application/json')) {
    return NextResponse.json({ roomId, url: path }, { status: 201 })
  }
  return new NextResponse(null, { status: 303, headers: { location: path } })
}
