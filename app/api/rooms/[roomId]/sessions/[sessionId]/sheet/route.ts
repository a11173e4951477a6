import { NextResponse } from 'next/server'
import { sheetEditSchema } from '@/lib/rubric/rubricSheet'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { sessionRoute, type SessionRouteContext } from '../../../roomRoute'

/** The caller's own rubric sheet in this session (interviewers of the session). */
export function GET(_request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) =>
    NextResponse.json(await app.sheets.mine(roomId, sessionId, actor))
  )
}

/** One edit of the caller's sheet: `{ op: 'score' | 'flag' | 'tick' | 'addNote' | 'removeNote' | 'recommendation', … }`. */
export function PATCH(request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, sessionId, actor, app }) => {
    const body = sheetEditSchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    return NextResponse.json(await app.sheets.edit(roomId, sessionId, actor, body.data))
  })
}
