import { NextResponse } from 'next/server'
import { z } from 'zod'
import { roleSchema } from '@/lib/access/roles'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { badRequest, handleErrors, jsonBody, unauthorized } from '@/server/http/apiResponses'
import { memberParamsSchema } from '../../params'

type Context = { params: Promise<{ roomId: string; userId: string }> }
const bodySchema = z.object({ role: roleSchema }).strict()

/** Changes a member's role (interviewers only): `{ role }`. Their open connections reconnect with it. */
export function PATCH(request: Request, context: Context) {
  return handleErrors(async () => {
    const params = memberParamsSchema.safeParse(await context.params)
    if (!params.success) return badRequest(params.error)
    const actor = await currentActor()
    if (!actor) return unauthorized()
    const body = bodySchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    await appContext().access.setRole(params.data.roomId, actor, params.data.userId, body.data.role)
    return NextResponse.json({ ok: true })
  })
}

/** Removes a member (interviewers only); their open connections close at once. */
export function DELETE(_request: Request, context: Context) {
  return handleErrors(async () => {
    const params = memberParamsSchema.safeParse(await context.params)
    if (!params.success) return badRequest(params.error)
    const actor = await currentActor()
    if (!actor) return unauthorized()
    await appContext().access.removeMember(params.data.roomId, actor, params.data.userId)
    return NextResponse.json({ ok: true })
  })
}
