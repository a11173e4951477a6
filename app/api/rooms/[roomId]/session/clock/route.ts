import { NextResponse } from 'next/server'
import { z } from 'zod'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { roomRoute, type RoomRouteContext } from '../../roomRoute'

const bodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['pause', 'resume', 'next', 'end']) }).strict(),
  z.object({ type: z.literal('extend'), minutes: z.number().int().min(1).max(30) }).strict(),
])

/** Pauses, resumes, advances, extends or ends the running session's clock (interviewers): `{ type, minutes? }`. */
export function POST(request: Request, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) => {
    const body = bodySchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    return NextResponse.json(await app.sessions.control(roomId, actor, body.data))
  })
}
