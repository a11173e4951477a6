import type { Actor } from '@/lib/access/actor'
import { canOpenDoc, type RoomDoc } from '@/lib/access/roles'
import type { CollabTicket } from '@/lib/collab/TicketedConnection'
import { appContext } from '../appContext'
import { COLLAB_TOKEN_TTL_SECONDS, signCollabToken } from './collabToken'
import { RoomRequestError } from './RoomRequestError'

/**
 * Issues a collab ticket (token, role now, expiry) for `actor` to open `doc`
 * of `roomId`, deciding with the member's current role; opening the board
 * counts as a visit (`touch`). The token route hands these out, and the board
 * page renders one into itself so the first connect need not ask.
 * @throws RoomRequestError 403 when the actor is not a member or their role may not open `doc`.
 */
export async function issueTicket(roomId: string, actor: Actor, doc: RoomDoc): Promise<CollabTicket> {
  const { access, authSecret } = appContext()
  const role = await access.roleOf(roomId, actor.userId)
  if (!role) throw new RoomRequestError(403, 'not a member of this room')
  if (!canOpenDoc(role, doc)) throw new RoomRequestError(403, `a ${role} may not open this document`)
  if (doc === 'board') await access.touch(roomId, actor)
  const token = await signCollabToken({ ...actor, roomId, role }, authSecret)
  return { token, role, expiresAt: Date.now() + COLLAB_TOKEN_TTL_SECONDS * 1000 }
}
