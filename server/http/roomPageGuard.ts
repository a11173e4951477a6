import { notFound, redirect } from 'next/navigation'
import type { z } from 'zod'
import type { Actor } from '@/lib/access/actor'
import type { Role } from '@/lib/access/roles'
import type { RoomClosedReason } from '@/lib/room/roomPageParams'
import { appContext } from '../appContext'
import { currentActor } from '../auth/session'

/** What a room page may show, from {@link guardRoomPage}. */
export type RoomPageAccess<P> =
  | {
      open: true
      /** The page's params, validated. */
      params: P
      /** The signed-in viewer. */
      actor: Actor
      /** The viewer's role in the room now. */
      role: Role
    }
  | {
      open: false
      params: P
      actor: Actor
      /** Why the room is closed to the viewer: render `components/pages/RoomClosed` with it. */
      reason: RoomClosedReason
    }

/**
 * The checks every room page (board, summary, replay; `/r/<roomId>/…`)
 * makes before it reads anything, in one place:
 *
 * 1. params that fail `schema` (a malformed room or session id) → Next's 404 (`notFound()`);
 * 2. nobody signed in → the sign-in page, back to `path(params)` afterwards (`redirect()`);
 * 3. the viewer is a member → `open`, with their role now;
 * 4. otherwise → closed, with the reason to show: `missing` when the room
 *    does not exist (never created, or deleted), `not-member` when it does
 *    (never invited, removed, or only holding a revoked invite).
 *
 * `notFound()` and `redirect()` throw, so a page only handles the two results.
 *
 * @example
 * ```tsx
 * const room = await guardRoomPage(await params, roomPageParamsSchema, ({ roomId }) => `/r/${roomId}/replay`)
 * if (!room.open) return <RoomClosed reason={room.reason} />
 * ```
 */
export async function guardRoomPage<P extends { roomId: string }>(
  params: unknown,
  schema: z.ZodType<P>,
  path: (params: P) => string
): Promise<RoomPageAccess<P>> {
  const parsed = schema.safeParse(params)
  if (!parsed.success) notFound()
  const actor = await currentActor()
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path(parsed.data))}`)
  const role = await appContext().access.roleOf(parsed.data.roomId, actor.userId)
  if (role) return { open: true, params: parsed.data, actor, role }
  return { open: false, params: parsed.data, actor, reason: await roomClosedReason(parsed.data.roomId) }
}

/**
 * Why `roomId` is closed to a viewer who was refused it: `missing` when the
 * room does not exist, `not-member` when it does. For pages whose service
 * refused the viewer after {@link guardRoomPage} let them in (a removal in between).
 */
export async function roomClosedReason(roomId: string): Promise<RoomClosedReason> {
  return (await appContext().access.roomExists(roomId)) ? 'not-member' : 'missing'
}
