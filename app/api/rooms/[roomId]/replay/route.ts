import { NextResponse, type NextRequest } from 'next/server'
import { sessionIdSchema } from '@/lib/session/sessionRecord'
import { badRequest } from '@/server/http/apiResponses'
import { roomRoute, type RoomRouteContext } from '../roomRoute'

/**
 * The replay's manifest (`?session=<id>` for one session: its range, phases,
 * end and the notes of sheets the caller may read). Members only.
 */
export function GET(request: NextRequest, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) => {
    const raw = request.nextUrl.searchParams.get('session')
    const session = raw === null ? null : sessionIdSchema.safeParse(raw)
    if (session && !session.success) return badRequest(session.error)
    return NextResponse.json(await app.replay.manifest(roomId, actor, session?.data ?? null))
  })
}
