import { NextResponse } from 'next/server'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { badRequest, handleErrors, unauthorized } from '@/server/http/apiResponses'
import { inviteParamsSchema } from '../../params'

/** Revokes the role's invite link and returns the new one (interviewers only): `{ token }`. */
export function POST(_request: Request, context: { params: Promise<{ roomId: string; role: string }> }) {
  return handleErrors(async () => {
    const params = inviteParamsSchema.safeParse(await context.params)
    if (!params.success) return badRequest(params.error)
    const actor = await currentActor()
    if (!actor) return unauthorized()
    const token = await appContext().access.rotateInvite(params.data.roomId, actor, params.data.role)
    return NextResponse.json({ token })
  })
}
