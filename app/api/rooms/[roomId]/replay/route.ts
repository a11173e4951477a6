import { NextResponse } from 'next/server'
import { appContext } from '@/server/appContext'
import { sessionRoute, type SessionRouteContext } from '../session/sessionRoute'

/** The replay's manifest: members, phase marks, and rubric-note marks for interviewers. Members only. */
export function GET(_request: Request, context: SessionRouteContext) {
  return sessionRoute(context, async ({ roomId, actor }) =>
    NextResponse.json(await appContext().replay.manifest(roomId, actor))
  )
}
