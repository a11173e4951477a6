import { NextResponse } from 'next/server'
import { z } from 'zod'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { sessionRoute, type SessionRouteContext } from '../../../../roomRoute'

const bodySchema = z.object({ shared: z.boolean() }).strict()

/** `{ shared }`: lets the session's candidate hear the recording, or withdraws it (interviewers). */
export function POST(request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) => {
    const body = bodySchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    return NextResponse.json(await app.audio.share(roomId, sessionId, actor, body.data.shared))
  })
}
