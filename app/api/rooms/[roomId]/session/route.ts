import { NextResponse } from 'next/server'
import { sessionConfigSchema } from '@/lib/session/sessionConfig'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { roomRoute, type RoomRouteContext } from '../roomRoute'

/** The board's newest session as the caller may see it (problem cut to role and reveals; readable sheets). */
export function GET(_request: Request, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) => NextResponse.json(await app.sessions.view(roomId, actor)))
}

/** Starts a session (interviewers; 409 while one runs): `{ problemId | customPrompt, mode, level, plan, settings?, revealAll? }`. */
export function POST(request: Request, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) => {
    const body = sessionConfigSchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    return NextResponse.json(await app.sessions.start(roomId, actor, body.data), { status: 201 })
  })
}
