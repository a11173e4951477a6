import { NextResponse, type NextRequest } from 'next/server'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { handleErrors, unauthorized } from '@/server/http/apiResponses'
import { refuseOverBoardQuota } from './boardQuota'

/**
 * Creates a room owned by the signed-in user (its interviewer) and sends the
 * browser to it (303, so a form post becomes a GET of the board). With
 * `Accept: application/json` it answers `{ roomId, url, invites }` instead.
 * `?mode=solo` names the board for solo practice and opens the start form in solo mode.
 * Over the per-user quota (`QUOTA_ROOMS_PER_USER_PER_HOUR`, which duplicates
 * count against too) it answers 429 with `Retry-After`.
 */
export function POST(request: NextRequest) {
  return handleErrors(async () => {
    const actor = await currentActor()
    if (!actor) return unauthorized()
    const overQuota = await refuseOverBoardQuota(actor)
    if (overQuota) return overQuota
    // `?mode=solo` (the home page's "Practise solo"): a board named for it, opened on the solo start form.
    const solo = request.nextUrl.searchParams.get('mode') === 'solo'
    const { roomId, invites } = await appContext().access.createRoom(actor, solo ? 'Solo practice' : undefined)
    const path = solo ? `/r/${roomId}?mode=solo` : `/r/${roomId}`
    if (request.headers.get('accept')?.includes('application/json')) {
      return NextResponse.json({ roomId, url: path, invites }, { status: 201 })
    }
    return new NextResponse(null, { status: 303, headers: { location: path } })
  })
}
