import { NextResponse } from 'next/server'
import { z } from 'zod'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { sessionRoute, type SessionRouteContext } from '../../../../roomRoute'

const bodySchema = z.object({ shared: z.boolean() }).strict()

/** Shares a copy of the caller's sheet with the session's candidate (`{ shared: true }`), or withdraws it. */
export function POST(request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) => {
    const body = bodySchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    return NextResponse.json(await app.sheets.share(roomId, sessionId, actor, body.data.shared))
  })
}
