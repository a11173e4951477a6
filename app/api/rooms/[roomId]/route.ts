import { NextResponse } from 'next/server'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { badRequest, handleErrors, unauthorized } from '@/server/http/apiResponses'
import { roomParamsSchema } from './params'

/** The room as the signed-in member sees it: members, own role, invites (interviewers only). */
export function GET(_request: Request, context: { params: Promise<{ roomId: string }> }) {
  return handleErrors(async () => {
    const params = roomParamsSchema.safeParse(await context.params)
    if (!params.success) return badRequest(params.error)
    const actor = await currentActor()
    if (!actor) return unauthorized()
    return NextResponse.json(await appContext().access.view(params.data.roomId, actor))
  })
}
