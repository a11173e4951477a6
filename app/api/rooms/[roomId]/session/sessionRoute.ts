import type { Actor } from '@/lib/access/actor'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { badRequest, handleErrors, unauthorized } from '@/server/http/apiResponses'
import type { SessionService } from '@/server/sessions/SessionService'
import { roomParamsSchema } from '../params'

/** Route context of `/api/rooms/[roomId]/session/…`. */
export type SessionRouteContext = { params: Promise<{ roomId: string }> }

/**
 * The shared shape of the session routes: validate the room id, require a
 * signed-in user, then run `handle` with the session service. Errors become
 * their status codes (see `handleErrors`).
 */
export function sessionRoute(
  context: SessionRouteContext,
  handle: (args: { roomId: string; actor: Actor; sessions: SessionService }) => Promise<Response>
): Promise<Response> {
  return handleErrors(async () => {
    const params = roomParamsSchema.safeParse(await context.params)
    if (!params.success) return badRequest(params.error)
    const actor = await currentActor()
    if (!actor) return unauthorized()
    return handle({ roomId: params.data.roomId, actor, sessions: appContext().sessions })
  })
}
