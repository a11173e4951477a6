import { NextResponse } from 'next/server'
import { z } from 'zod'
import { consentAnswerSchema } from '@/lib/audio/audioSchemas'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { sessionRoute, type SessionRouteContext } from '../../../../roomRoute'

const bodySchema = z.object({ answer: consentAnswerSchema }).strict()

/** The caller's standing in the session's recording: the setting, their answer, whether their role is recorded. */
export function GET(_request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) =>
    NextResponse.json(await app.audio.status(roomId, sessionId, actor))
  )
}

/** `{ answer: accepted | declined }`: whether the caller's microphone may be recorded (interviewers, candidates). */
export function POST(request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) => {
    const body = bodySchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    return NextResponse.json(await app.audio.consent(roomId, sessionId, actor, body.data.answer))
  })
}
