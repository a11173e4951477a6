import type { Actor } from '@/lib/access/actor'
import { canOpenDoc, type RoomDoc } from '@/lib/access/roles'
import type { CollabTicket } from '@/lib/collab/TicketedConnection'
import { appContext } from '../appContext'
import { COLLAB_TOKEN_TTL_SECONDS, signCollabToken } from './collabToken'
import { RoomRequestError } from './RoomRequestError'

/**
 * Issues a collab ticket (token, role now, expiry) for `actor` to open `docs`
 * of `roomId`, deciding with the member's current role, read once; opening
 * the board counts as a visit (`touch`). A token names the user and the room,
 * not a document, so one ticket serves all of `docs`. The token route hands
 * out one per request; the board page renders one into itself for the first
 * connects of the board and session documents, so they need not ask.
 * @throws RoomRequestError 403 when the actor is not a member or their role may not open one of `docs`; 404 when the room does not exist (deleted).
 */
export async function issueTicket(roomId: string, actor: Actor, docs: readonly RoomDoc[]): Promise<CollabTicket> {
  const { access, authSecret } = appContext()
  const role = await access.roleOf(roomId, actor.userId)
  if (!role) {
    // As the board page tells them: a board deleted under an open tab is gone, not a membership lost.
    if (!(await access.roomExists(roomId))) throw new RoomRequestError(404, 'no such board: its owner deleted it')
    throw new RoomRequestError(403, 'not a member of this room')
  }
  const refused = docs.find((doc) => !canOpenDoc(role, doc))
  if (refused) throw new RoomRequestError(403, `a ${role} may not open this document`)
  if (docs.includes('board')) await access.touch(roomId, actor)
  const token = await signCollabToken({ ...actor, roomId, role }, authSecret)
  return { token, role, expiresAt: Date.now() + COLLAB_TOKEN_TTL_SECONDS * 1000 }
}
