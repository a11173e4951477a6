import { NextResponse } from 'next/server'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { badRequest, handleErrors, unauthorized } from '@/server/http/apiResponses'
import { roomParamsSchema } from '../params'

/** Swaps the interviewer and candidate roles (owner only); both reconnect with their new roles at once. */
export function POST(_request: Request, context: { params: Promise<{ roomId: string }> }) {
  return handleErrors(async () => {
    const params = roomParamsSchema.safeParse(await context.params)
    if (!params.success) return badRequest(params.error)
    const actor = await currentActor()
    if (!actor) return unauthorized()
    return NextResponse.json({ members: await appContext().access.swapRoles(params.data.roomId, actor) })
  })
}
