import type { AppendFence, LogFence } from './logFence'

/** One accepted update in a room's log. */
export interface LogEntry {
  /** Position in the room's log, starting at 1, without gaps. */
  seq: number
  /**
   * Server time (ms since the epoch) at which the update was accepted: the
   * time the appending server gave, raised to the previous entry's time if it
   * was earlier, so times never decrease along a log (replay seeks them by
   * binary search, and several servers' clocks may disagree by a little).
   */
  time: number
  /** User id of the connection that sent it (`system` for server writes). */
  author: string
  /** The Yjs update (v1 encoding), exactly as it was applied. */
  update: Uint8Array
}

/**
 * An update to append: the storage assigns its sequence number and keeps `time` (see {@link LogEntry.time}).
 * With `fence` (stores that have a {@link RoomStorage.logFence} only) the append may be refused with a `LogFenceError`.
 */
export type NewLogEntry = Omit<LogEntry, 'seq'> & { fence?: AppendFence }

/** A cached encoding of a room's doc that covers its log up to `seq`. */
export interface RoomSnapshot {
  seq: number
  update: Uint8Array
}

/** What a room needs to rebuild its doc: the newest snapshot and the log after it. */
export interface StoredRoom {
  snapshot: RoomSnapshot | null
  entries: LogEntry[]
}

/** Bounds of one {@link RoomStorage.readLogPage} read. */
export interface LogPageBounds {
  /** At most this many entries… */
  maxEntries: number
  /** …holding at most this many update bytes in all, except that a page holds at least one entry. */
  maxBytes: number
}

/** One bounded page of a room's log. */
export interface LogPage {
  entries: LogEntry[]
  /** True when the log holds entries after the page's last one (read on from its `seq`). */
  more: boolean
}

/**
 * Durable storage of rooms. The log is the source of truth and is never
 * compacted away (replay reads it); snapshots only make loading fast.
 *
 * Implementations: `SqliteRoomStorage` (the embedded default),
 * `RedisRoomStorage` (many servers), `TieredRoomStorage` (Redis with
 * `DATABASE_URL`: idle logs archived to PostgreSQL) and `MemoryRoomStorage`
 * (unit tests only). All pass one contract suite, `tests/storage/roomStorage.contract.ts`.
 */
export interface RoomStorage {
  /** Loads the newest snapshot of a room and every log entry after it. */
  loadRoom(roomId: string): Promise<StoredRoom>
  /**
   * Appends an accepted update to the room's log. Resolves once the entry is
   * durable, with its sequence number; the caller broadcasts only after that.
   */
  appendUpdate(roomId: string, entry: NewLogEntry): Promise<number>
  /**
   * Appends `entry` only if the room's log is empty (seeding a new room, which
   * two servers may try at once). Resolves with its sequence number, or null
   * when the log already had entries.
   */
  appendIfEmpty(roomId: string, entry: NewLogEntry): Promise<number | null>
  /** Stores a snapshot covering the log up to `snapshot.seq`, unless one at that position or later is stored. */
  saveSnapshot(roomId: string, snapshot: RoomSnapshot): Promise<void>
  /** Reads log entries with `afterSeq < seq`, oldest first, at most `limit` of them. */
  readLog(roomId: string, afterSeq?: number, limit?: number): Promise<LogEntry[]>
  /**
   * Reads the entries after `afterSeq`, oldest first, bounded by count and by
   * update bytes (for readers that serve logs to clients, such as replay).
   * The byte bound holds at the read: the store never loads an entry past it
   * (beyond the page's first one), whatever the entries' sizes.
   */
  readLogPage(roomId: string, afterSeq: number, bounds: LogPageBounds): Promise<LogPage>
  /**
   * Update bytes the room's log holds in all (the sum of its entries'
   * `update` lengths), for the per-room log quota. Cheap: no entry is loaded.
   */
  logBytes(roomId: string): Promise<number>
  /** Deletes a log and its snapshot for good (the board was deleted by its owner). */
  deleteLog(key: string): Promise<void>
  /** Resolves when the storage answers (readiness probe); rejects otherwise. */
  ping(): Promise<void>
  /** Releases the storage's resources. Every later call rejects (none hangs). */
  close(): Promise<void>
  /**
   * Stores whose log can lose acknowledged entries (Redis: asynchronous
   * replication) have a fence, which rooms use to notice and repair it
   * (`server/rooms/LogRepair.ts`). A decorator must pass it on.
   */
  readonly logFence?: LogFence
}
