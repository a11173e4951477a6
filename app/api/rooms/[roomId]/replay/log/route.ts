import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import { badRequest } from '@/server/http/apiResponses'
import { MAX_REPLAY_CHUNK } from '@/server/replay/ReplayService'
import { sessionIdSchema } from '@/lib/session/sessionRecord'
import { roomRoute, type RoomRouteContext } from '../../roomRoute'

const querySchema = z
  .object({
    stream: z.enum(['board', 'presence']),
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_REPLAY_CHUNK).default(MAX_REPLAY_CHUNK),
    session: sessionIdSchema.optional(),
  })
  .strict()

/**
 * A chunk of the room's recorded history (`?stream=board|presence&after=<seq>&limit=&session=`; with a session, the board's log stops at its end):
 * `{ entries: [{ seq, time, author, data (base64) }], done }`. Members only.
 */
export function GET(request: NextRequest, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) => {
    const query = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams))
    if (!query.success) return badRequest(query.error)
    const { stream, after, limit, session } = query.data
    return NextResponse.json(await app.replay.log(roomId, actor, stream, after, limit, session ?? null))
  })
}
