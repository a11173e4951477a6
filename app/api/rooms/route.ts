import { NextResponse, type NextRequest } from 'next/server'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { handleErrors, unauthorized } from '@/server/http/apiResponses'

/**
 * Creates a room owned by the signed-in user (its interviewer) and sends the
 * browser to it (303, so a form post becomes a GET of the board). With
 * `Accept: application/json` it answers `{ roomId, url, invites }` instead.
 */
export function POST(request: NextRequest) {
  return handleErrors(async () => {
    const actor = await currentActor()
    if (!actor) return unauthorized()
    const { roomId, invites } = await appContext().access.createRoom(actor)
    const path = `/r/${roomId}`
    if (request.headers.get('accept')?.includes('application/json')) {
      return NextResponse.json({ roomId, url: path, invites }, { status: 201 })
    }
    return new NextResponse(null, { status: 303, headers: { location: path } })
  })
}
