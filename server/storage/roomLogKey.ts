import type { RoomDoc } from '@/lib/access/roles'

/** One of a room's logs: each of its documents, and the presence recording kept for replay. */
export type RoomLog = RoomDoc | 'presence'

/** Every log a room has, board first. */
export const ROOM_LOGS: readonly RoomLog[] = ['board', 'session', 'private', 'presence']

/**
 * The storage key of one of a room's logs: the room id for the board,
 * `<roomId>.<log>` for the others. Room ids never contain '.', so a room's
 * other logs cannot collide with a room.
 *
 * @example
 * ```ts
 * roomLogKey('abc12345', 'board') // 'abc12345'
 * roomLogKey('abc12345', 'presence') // 'abc12345.presence'
 * ```
 */
export function roomLogKey(roomId: string, log: RoomLog): string {
  return log === 'board' ? roomId : `${roomId}.${log}`
}
