import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import { docSchema } from '@/lib/access/roles'
import { issueTicket } from '@/server/access/issueTicket'
import { currentActor } from '@/server/auth/session'
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
    return NextResponse.json(await issueTicket(params.data.roomId, actor, [query.data.doc]))
  })
}
