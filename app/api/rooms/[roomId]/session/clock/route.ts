import { NextResponse } from 'next/server'
import { z } from 'zod'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { sessionRoute, type SessionRouteContext } from '../sessionRoute'

const bodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['pause', 'resume', 'next', 'end']) }).strict(),
  z.object({ type: z.literal('extend'), minutes: z.number().int().min(1).max(30) }).strict(),
])

/** Pauses, resumes, advances, extends or ends the clock (interviewers): `{ type, minutes? }`. */
export function POST(request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, actor, sessions }) => {
    const body = bodySchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    await sessions.control(roomId, actor, body.data)
    return NextResponse.json({ ok: true })
  })
}
