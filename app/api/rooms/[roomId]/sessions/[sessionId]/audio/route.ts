import { NextResponse } from 'next/server'
import { chunkQuerySchema } from '@/lib/audio/audioSchemas'
import { badRequest, tooManyRequests } from '@/server/http/apiResponses'
import { httpQuotas } from '@/server/http/quotas'
import { readCappedBody } from '@/server/http/readCappedBody'
import { sessionRoute, type SessionRouteContext } from '../../../roomRoute'

/** The session's recorded tracks placed on its timeline (those who may hear them: the replay's readers, candidates once shared). */
export function GET(_request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) =>
    NextResponse.json(await app.audio.manifest(roomId, sessionId, actor))
  )
}

/**
 * One chunk of the caller's microphone (`audio/webm` body;
 * `?segment=&seq=&offset=&activity=`), stamped with server time on arrival.
 * 201 when stored, 200 when that chunk was already stored (a retry); 429
 * with `Retry-After` past `QUOTA_AUDIO_CHUNKS_PER_USER_PER_MINUTE` or
 * `QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE` (the browser's uploader waits and
 * sends the chunk again). The byte quota is taken once the body is read
 * (at most `AUDIO_CHUNK_MAX_BYTES`): it counts what was sent, not a header.
 */
export function POST(request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) => {
    const query = chunkQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
    if (!query.success) return badRequest(query.error)
    const quota = await httpQuotas().audioChunk(actor.userId)
    if (!quota.ok)
      return tooManyRequests(quota.retryAfterMs, (wait) => `Too many recording uploads: try again in ${wait}.`)
    const data = await readCappedBody(request, app.audio.limits.chunkMaxBytes)
    const bytes = await httpQuotas().audioBytes(actor.userId, data.byteLength)
    if (!bytes.ok)
      return tooManyRequests(bytes.retryAfterMs, (wait) => `Too much recording uploaded: try again in ${wait}.`)
    const result = await app.audio.upload(
      roomId,
      sessionId,
      actor,
      query.data,
      request.headers.get('content-type'),
      data
    )
    return NextResponse.json(result, { status: result.stored ? 201 : 200 })
  })
}
