/**
 * A log fence: how a server learns, atomically with its next append, that the
 * node holding a room's log lost writes it had acknowledged (a replica took
 * over after a crash, or a node restarted without having flushed them).
 *
 * Each server that holds a room arms the fence with a random token of its
 * own; the storage keeps the token only in the memory of the node that holds
 * the log (never replicated, never persisted). A fenced append goes through
 * only while that token is still there. Any event that can lose acknowledged
 * log entries also loses the token, so the append is refused and the server
 * repairs the log first (see `server/rooms/LogRepair.ts`).
 */
export interface LogFence {
  /** Puts `token` on the node that holds `roomId`'s log, as this server's (replacing any older one). */
  arm(roomId: string, token: string): Promise<void>
  /** True while this server's token on that node is still `token`. */
  holds(roomId: string, token: string): Promise<boolean>
}

/** The condition of a fenced append ({@link NewLogEntry}'s `fence`). */
export interface AppendFence {
  /** Refuse (`lost`) unless this server's token is still this one. */
  token: string
  /** Refuse (`moved`) unless the log's last sequence number is this one (a repair's compare-and-append). */
  afterSeq?: number
}

/**
 * A fenced append was refused: the log lost entries since the fence was armed
 * (`lost`), or it moved past `afterSeq` (`moved`). Nothing was appended.
 */
export class LogFenceError extends Error {
  constructor(
    readonly reason: 'lost' | 'moved',
    roomId: string
  ) {
    super(`append to room ${roomId} refused: ${reason === 'lost' ? 'the log lost its fence' : 'the log moved on'}`)
  }
}
