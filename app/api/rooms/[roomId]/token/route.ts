import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import { canOpenDoc, docSchema } from '@/lib/access/roles'
import { COLLAB_TOKEN_TTL_SECONDS, signCollabToken } from '@/server/access/collabToken'
import { RoomRequestError } from '@/server/access/RoomRequestError'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { badRequest, handleErrors, unauthorized } from '@/server/http/apiResponses'
import { roomParamsSchema } from '../params'

const querySchema = z.object({ doc: docSchema.default('board') })

/**
 * A short-lived collab token for the signed-in member: `{ token, role, expiresAt }`.
 * The browser fetches one before each (re)connect; the role in it is the
 * member's role now, so role changes take effect on the next connection.
 */
export function GET(request: NextRequest, context: { params: Promise<{ roomId: string }> }) {
  return handleErrors(async () => {
    const params = roomParamsSchema.safeParse(await context.params)
    if (!params.success) return badRequest(params.error)
    const query = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams))
    if (!query.success) return badRequest(query.error)
    const actor = await currentActor()
    if (!actor) return unauthorized()
    const { access, authSecret } = appContext()
    const role = await access.roleOf(params.data.roomId, actor.userId)
    if (!role) throw new RoomRequestError(403, 'not a member of this room')
    if (!canOpenDoc(role, query.data.doc)) throw new RoomRequestError(403, `a ${role} may not open this document`)
    if (query.data.doc === 'board') await access.touch(params.data.roomId, actor)
    const token = await signCollabToken({ ...actor, roomId: params.data.roomId, role }, authSecret)
    return NextResponse.json({ token, role, expiresAt: Date.now() + COLLAB_TOKEN_TTL_SECONDS * 1000 })
  })
}
