import { NextResponse } from 'next/server'
import { z } from 'zod'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { sessionRoute, type SessionRouteContext } from '../../../../roomRoute'

const bodySchema = z.object({ open: z.boolean() }).strict()

/** Lets the session's other interviewers read the caller's sheet (`{ open: true }`), or not. */
export function POST(request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) => {
    const body = bodySchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    return NextResponse.json(await app.sheets.openToInterviewers(roomId, sessionId, actor, body.data.open))
  })
}
