import { NextResponse } from 'next/server'
import { z } from 'zod'
import { revealPartSchema } from '@/lib/session/sessionRecord'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { roomRoute, type RoomRouteContext } from '../../roomRoute'

const bodySchema = z.object({ parts: z.array(revealPartSchema).min(1) }).strict()

/** Reveals parts of the problem to the candidate (interviewers): `{ parts: ['functional' | 'nonFunctional' | 'scale'] }`. */
export function POST(request: Request, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) => {
    const body = bodySchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    return NextResponse.json(await app.sessions.reveal(roomId, actor, body.data.parts))
  })
}
