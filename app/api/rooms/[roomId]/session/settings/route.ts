import { NextResponse } from 'next/server'
import { sessionSettingsSchema } from '@/lib/session/sessionRecord'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { roomRoute, type RoomRouteContext } from '../../roomRoute'

/** Changes the running session's settings (interviewers): `{ templatesForCandidate, soloHints }`. */
export function POST(request: Request, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) => {
    const body = sessionSettingsSchema.strict().safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    return NextResponse.json(await app.sessions.updateSettings(roomId, actor, body.data))
  })
}
