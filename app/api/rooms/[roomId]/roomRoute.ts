import { z } from 'zod'
import type { Actor } from '@/lib/access/actor'
import { roomIdSchema } from '@/lib/room/roomId'
import { sessionIdSchema } from '@/lib/session/sessionRecord'
import { currentActor } from '@/server/auth/session'
import { appContext, type AppContext } from '@/server/appContext'
import { badRequest, handleErrors, unauthorized } from '@/server/http/apiResponses'

/** Route context of `/api/rooms/[roomId]/…`. */
export type RoomRouteContext = { params: Promise<{ roomId: string }> }
/** Route context of `/api/rooms/[roomId]/sessions/[sessionId]/…`. */
export type SessionRouteContext = { params: Promise<{ roomId: string; sessionId: string }> }

const roomParams = z.object({ roomId: roomIdSchema })
const sessionParams = roomParams.extend({ sessionId: sessionIdSchema })

/**
 * The shared shape of the room routes: validate the route's ids, require a
 * signed-in user, then run `handle` with the app's services. The services
 * decide who may do what; their errors become status codes (`handleErrors`).
 */
export function roomRoute(
  context: RoomRouteContext,
  handle: (args: { roomId: string; actor: Actor; app: AppContext }) => Promise<Response>
): Promise<Response> {
  return handleErrors(async () => {
    const params = roomParams.safeParse(await context.params)
    if (!params.success) return badRequest(params.error)
    const actor = await currentActor()
    if (!actor) return unauthorized()
    return handle({ roomId: params.data.roomId, actor, app: appContext() })
  })
}

/** {@link roomRoute} for routes of one session (`…/sessions/[sessionId]/…`). */
export function sessionRoute(
  context: SessionRouteContext,
  handle: (args: { roomId: string; sessionId: string; actor: Actor; app: AppContext }) => Promise<Response>
): Promise<Response> {
  return handleErrors(async () => {
    const params = sessionParams.safeParse(await context.params)
    if (!params.success) return badRequest(params.error)
    const actor = await currentActor()
    if (!actor) return unauthorized()
    return handle({ ...params.data, actor, app: appContext() })
  })
}
