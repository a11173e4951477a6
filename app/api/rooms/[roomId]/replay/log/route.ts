import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import { appContext } from '@/server/appContext'
import { badRequest } from '@/server/http/apiResponses'
import { MAX_REPLAY_CHUNK } from '@/server/replay/ReplayService'
import { sessionRoute, type SessionRouteContext } from '../../session/sessionRoute'

const querySchema = z
  .object({
    stream: z.enum(['board', 'presence']),
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_REPLAY_CHUNK).default(MAX_REPLAY_CHUNK),
  })
  .strict()

/**
 * A chunk of the room's recorded history (`?stream=board|presence&after=<seq>&limit=`):
 * `{ entries: [{ seq, time, author, data (base64) }], done }`. Members only.
 */
export function GET(request: NextRequest, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, actor }) => {
    const query = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams))
    if (!query.success) return badRequest(query.error)
    const { stream, after, limit } = query.data
    return NextResponse.json(await appContext().replay.log(roomId, actor, stream, after, limit))
  })
}
