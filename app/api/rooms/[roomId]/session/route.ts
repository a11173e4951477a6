import { NextResponse } from 'next/server'
import { sessionConfigSchema } from '@/lib/session/sessionConfig'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { sessionRoute, type SessionRouteContext } from './sessionRoute'

/** The room's session as the caller's role may see it (problem and rubric cut to the role). */
export function GET(_request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, actor, sessions }) =>
    NextResponse.json(await sessions.view(roomId, actor))
  )
}

/** Starts the session (interviewers): `{ problemId | customPrompt, mode, level, plan }`. */
export function POST(request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, actor, sessions }) => {
    const body = sessionConfigSchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    return NextResponse.json(await sessions.start(roomId, actor, body.data), { status: 201 })
  })
}
