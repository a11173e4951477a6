import { docSchema, type RoomDoc } from '@/lib/access/roles'
import { roomIdSchema } from '@/lib/room/roomId'
import { roomLogKey } from '../storage/roomLogKey'

/** The path prefix the collab endpoint answers on. */
export const COLLAB_PATH_PREFIX = '/collab/'

/** A parsed collab path: which room, and which of its documents. */
export interface CollabTarget {
  roomId: string
  doc: RoomDoc
  /** The key the document is stored and fanned out under. */
  storageKey: string
}

/**
 * Parses `/collab/<roomId>` (the board), `/collab/<roomId>/private` (the
 * interviewers' private document) or `/collab/<roomId>/session`. Returns null
 * for anything else.
 *
 * @example
 * ```ts
 * parseCollabPath('/collab/abc12345/private') // { roomId: 'abc12345', doc: 'private', storageKey: 'abc12345.private' }
 * ```
 */
export function parseCollabPath(pathname: string): CollabTarget | null {
  if (!pathname.startsWith(COLLAB_PATH_PREFIX)) return null
  const [rawRoom, rawDoc, ...rest] = pathname.slice(COLLAB_PATH_PREFIX.length).split('/')
  if (rest.length) return null
  const roomId = roomIdSchema.safeParse(decodeURIComponent(rawRoom ?? ''))
  const doc = docSchema.safeParse(rawDoc ?? 'board')
  if (!roomId.success || !doc.success) return null
  return { roomId: roomId.data, doc: doc.data, storageKey: roomLogKey(roomId.data, doc.data) }
}
