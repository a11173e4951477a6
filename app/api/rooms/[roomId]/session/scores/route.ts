import { NextResponse } from 'next/server'
import { sessionRoute, type SessionRouteContext } from '../sessionRoute'

/** Saves the current rubric scores into the session record, for the summary and history (interviewers). */
export function POST(_request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, actor, sessions }) =>
    NextResponse.json(await sessions.saveScores(roomId, actor))
  )
}
