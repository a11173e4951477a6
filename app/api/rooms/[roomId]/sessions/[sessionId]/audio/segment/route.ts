import { z } from 'zod'
import { segmentIdSchema } from '@/lib/audio/audioSchemas'
import { badRequest } from '@/server/http/apiResponses'
import { sessionRoute, type SessionRouteContext } from '../../../../roomRoute'

const querySchema = z.object({ user: z.string().min(1).max(128), segment: segmentIdSchema })

/** `?user=&segment=`: one recorded segment's media (`audio/webm`), for those who may hear the recording. */
export function GET(request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) => {
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
    if (!query.success) return badRequest(query.error)
    const data = await app.audio.segment(roomId, sessionId, actor, query.data.user, query.data.segment)
    return new Response(Buffer.from(data), {
      headers: {
        'content-type': 'audio/webm',
        'cache-control': 'private, no-store',
        'content-length': String(data.byteLength),
      },
    })
  })
}
