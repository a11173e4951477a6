import { NextResponse } from 'next/server'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { handleErrors, unauthorized } from '@/server/http/apiResponses'

/** The signed-in user's sessions, newest first (scores where they may see them). */
export function GET() {
  return handleErrors(async () => {
    const actor = await currentActor()
    if (!actor) return unauthorized()
    return NextResponse.json({ sessions: await appContext().sessions.listForUser(actor) })
  })
}
