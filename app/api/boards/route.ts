import { NextResponse } from 'next/server'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { handleErrors, unauthorized } from '@/server/http/apiResponses'

/** The signed-in user's boards (owned or joined), most recently active first. */
export function GET() {
  return handleErrors(async () => {
    const actor = await currentActor()
    if (!actor) return unauthorized()
    return NextResponse.json({ boards: await appContext().boards.list(actor) })
  })
}
