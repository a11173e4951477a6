import type {
  LogEntry,
  LogPage,
  LogPageBounds,
  NewLogEntry,
  RoomSnapshot,
  RoomStorage,
  StoredRoom,
} from '../storage/RoomStorage'
import { TAIL_READ_PAGE, type RedisLogTail } from '../redis/RedisLogTail'
import type { PostgresLogArchive } from './PostgresLogArchive'
import { pageSize } from '../storage/logPage'

/**
 * Room storage in two tiers (Redis with `DATABASE_URL`): the hot store (the
 * Redis room storage) takes every append and holds each log's tail; the
 * prefix of a log that went idle lives in PostgreSQL (`LogArchiver` moves
 * it). Reads join them seamlessly: each Redis read also tells how far the log
 * was archived at that instant (`RedisLogTail`), and whatever lies between
 * the reader's position and that point is read from PostgreSQL, where it was
 * committed before Redis trimmed it. Sequence numbers, times and the log
 * quota's byte count go on across the tiers (Redis keeps the counters).
 *
 * Every log this server loads, appends to or saves a snapshot of is noted, for the archiver's queue.
 */
export class TieredRoomStorage implements RoomStorage {
  /** Logs appended to since the archiver last took them (see {@link takeTouched}). */
  private touched = new Set<string>()

  constructor(
    private readonly hot: RoomStorage,
    private readonly tail: RedisLogTail,
    private readonly archive: PostgresLogArchive
  ) {}

  /** The Redis log's failover fence: rooms repair a log that lost entries, archived or not (loads read both tiers). */
  get logFence() {
    return this.hot.logFence
  }

  /** The logs appended to since the last call (for the archive queue). */
  takeTouched(): string[] {
    const keys = [...this.touched]
    this.touched = new Set()
    return keys
  }

  async loadRoom(roomId: string): Promise<StoredRoom> {
    // Queued again when loaded: a log whose queue entry a crashed server never saved gets one now.
    this.touched.add(roomId)
    const { snapshot: hotSnapshot, archived } = await this.tail.snapshot(roomId)
    const coldSnapshot = archived > 0 ? await this.archive.snapshot(roomId) : null
    const snapshot = newer(hotSnapshot, coldSnapshot)
    return { snapshot, entries: await this.readLog(roomId, snapshot?.seq ?? 0) }
  }

  async appendUpdate(roomId: string, entry: NewLogEntry): Promise<number> {
    this.touched.add(roomId)
    return this.hot.appendUpdate(roomId, entry)
  }

  async appendIfEmpty(roomId: string, entry: NewLogEntry): Promise<number | null> {
    this.touched.add(roomId)
    return this.hot.appendIfEmpty(roomId, entry)
  }

  saveSnapshot(roomId: string, snapshot: RoomSnapshot): Promise<void> {
    // A cold room that was opened leaves a snapshot in Redis: queue it to go back to PostgreSQL.
    this.touched.add(roomId)
    return this.hot.saveSnapshot(roomId, snapshot)
  }

  async readLog(roomId: string, afterSeq = 0, limit = Number.MAX_SAFE_INTEGER): Promise<LogEntry[]> {
    const entries: LogEntry[] = []
    let cursor = afterSeq
    while (entries.length < limit) {
      const wanted = limit - entries.length
      const { entries: page, archived } = await this.tail.read(roomId, cursor, wanted)
      if (cursor < archived) {
        const cold = await this.archive.readEntries(roomId, cursor, archived, wanted)
        if (cold.length > 0) {
          entries.push(...cold)
          cursor = cold.at(-1)!.seq
          continue // the tail after the archived part, read afresh
        }
      }
      const fresh = page.filter((e) => e.seq > cursor && e.seq > archived).slice(0, wanted)
      entries.push(...fresh)
      if (page.length < Math.min(wanted, TAIL_READ_PAGE)) break
      cursor = page.at(-1)!.seq
    }
    return entries
  }

  async readLogPage(roomId: string, afterSeq: number, bounds: LogPageBounds): Promise<LogPage> {
    const { archived, ...page } = await this.tail.readPage(roomId, afterSeq, bounds)
    if (afterSeq >= archived) return page
    const cold = await this.archive.readPage(roomId, afterSeq, archived, bounds)
    if (cold.entries.length === 0) return page
    if (cold.more) return cold
    const hot = { entries: page.entries.filter((e) => e.seq > archived), more: page.more }
    // The archived part ends inside the bounds: fill the rest with the tail (which starts after it).
    const used = cold.entries.reduce((sum, e) => sum + e.update.byteLength, 0)
    const rest = { maxEntries: bounds.maxEntries - cold.entries.length, maxBytes: bounds.maxBytes - used }
    const sizes = hot.entries.map((e) => e.update.byteLength)
    // The page's first entry is the cold one, so a tail entry fits only within the bounds left.
    const fit = rest.maxEntries > 0 && (sizes[0] ?? Infinity) <= rest.maxBytes ? pageSize(sizes, rest) : 0
    return {
      entries: [...cold.entries, ...hot.entries.slice(0, fit)],
      more: fit < hot.entries.length || hot.more,
    }
  }

  logBytes(roomId: string): Promise<number> {
    return this.hot.logBytes(roomId)
  }

  async deleteLog(key: string): Promise<void> {
    await this.hot.deleteLog(key)
    await this.archive.deleteLog(key)
  }

  async ping(): Promise<void> {
    await this.hot.ping()
    await this.archive.ping()
  }

  close(): Promise<void> {
    return this.hot.close()
  }
}

/** The snapshot that covers more of the log. */
function newer(a: RoomSnapshot | null, b: RoomSnapshot | null): RoomSnapshot | null {
  if (!a) return b
  if (!b) return a
  return b.seq > a.seq ? b : a
}
