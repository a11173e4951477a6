import type { Actor } from '@/lib/access/actor'
import type { RoomClosedReason } from '@/lib/room/roomPageParams'
import { isRoomRequestError } from '@/server/access/RoomRequestError'
import { appContext } from '@/server/appContext'

/**
 * Whether a member may open the replay of `sessionId`: `open`; `no-session`
 * when the board has no such session (the page answers 404); or why the
 * board closed to them since the page's guard let them in (removed, or the
 * board deleted), as `RoomClosed` tells it.
 *
 * It asks the replay's own manifest, the first thing the replay loads, so
 * the page refuses exactly what the replay would: without this the page
 * answered 200 and the browser only learnt of a missing session from the API.
 */
export async function sessionReplayAccess(
  roomId: string,
  sessionId: string,
  actor: Actor
): Promise<'open' | 'no-session' | RoomClosedReason> {
  const { replay, access } = appContext()
  try {
    await replay.manifest(roomId, actor, sessionId)
    return 'open'
  } catch (error) {
    if (!isRoomRequestError(error)) throw error
    if (!(await access.roomExists(roomId))) return 'missing'
    return error.status === 404 ? 'no-session' : 'not-member'
  }
}
