import type {
  LogEntry,
  LogPage,
  LogPageBounds,
  NewLogEntry,
  RoomSnapshot,
  RoomStorage,
  StoredRoom,
} from '../storage/RoomStorage'
import { roomKeys } from './redisKeys'
import { isCluster, type RedisClient } from './redisConnection'
import { APPEND_SCRIPT, COUNT_LOG_BYTES_SCRIPT, READ_LOG_PAGE_SCRIPT, SAVE_SNAPSHOT_SCRIPT } from './scripts'
import { toBuffer, toBytes } from '../storage/bytes'
import { LogFenceError } from '../storage/logFence'
import { RedisLogFence } from './RedisLogFence'

/** Log entries read per XRANGE call while loading or catching up. */
const READ_PAGE = 5_000

/** Entries counted per call when a log written before the byte counter is first measured. */
const COUNT_PAGE = 1_000

type AppendCommand = (
  log: string,
  seq: string,
  bytes: string,
  fence: string,
  archived: string,
  author: string,
  update: Buffer,
  channel: string,
  serverId: string,
  onlyIfEmpty: '0' | '1',
  time: string,
  publishCommand: 'PUBLISH' | 'SPUBLISH',
  fenceToken: string,
  fenceAfterSeq: string
) => Promise<number | null>

type RedisWithScripts = RedisClient & {
  mbAppend: AppendCommand
  mbSaveSnapshot: (key: string, seqKey: string, seq: number, data: Buffer) => Promise<number>
  mbReadLogPageBuffer: (log: string, afterSeq: number, maxEntries: number, maxBytes: number) => Promise<unknown[]>
  mbCountLogBytes: (
    bytes: string,
    log: string,
    seq: string,
    afterSeq: number,
    sumSoFar: number,
    pageSize: number
  ) => Promise<number[]>
}

/**
 * Room storage in Redis, for many collab servers. One stream per room is its
 * durable, ordered log: entry id `<seq>-0` and fields `t` (the appending
 * server's time, ms, never less than the previous entry's: see
 * `LogEntry.time`), `a` (author) and `u` (the update).
 * The append script also publishes the update on the room's channel, so
 * other servers hear of it only once it is in the log, in one round trip.
 * Entries are never trimmed: replay reads them.
 *
 * Durability is Redis's: run it with `appendonly yes` (see README).
 * On a Redis Cluster (a `Cluster` client) every key of a room shares its
 * hash tag, so each script runs on the room's primary, and updates are
 * announced with `SPUBLISH` on the room's shard.
 *
 * @example
 * ```ts
 * const storage = new RedisRoomStorage(new Redis(url), { serverId: 'a1' })
 * const seq = await storage.appendUpdate('room1', { time: Date.now(), author: 'user:a', update })
 * ```
 */
export class RedisRoomStorage implements RoomStorage {
  private readonly redis: RedisWithScripts
  private readonly publishCommand: 'PUBLISH' | 'SPUBLISH'
  /** Lets rooms notice and repair entries a failover lost (see {@link RedisLogFence}). */
  readonly logFence: RedisLogFence

  constructor(
    redis: RedisClient,
    private readonly options: { serverId: string; prefix: string }
  ) {
    redis.defineCommand('mbAppend', { numberOfKeys: 5, lua: APPEND_SCRIPT })
    redis.defineCommand('mbReadLogPage', { numberOfKeys: 1, lua: READ_LOG_PAGE_SCRIPT })
    redis.defineCommand('mbCountLogBytes', { numberOfKeys: 3, lua: COUNT_LOG_BYTES_SCRIPT })
    redis.defineCommand('mbSaveSnapshot', { numberOfKeys: 2, lua: SAVE_SNAPSHOT_SCRIPT })
    this.redis = redis as RedisWithScripts
    this.publishCommand = isCluster(redis) ? 'SPUBLISH' : 'PUBLISH'
    this.logFence = new RedisLogFence(redis, options)
  }

  async loadRoom(roomId: string): Promise<StoredRoom> {
    const keys = roomKeys(this.options.prefix, roomId)
    const [seq, data] = await this.redis.hmgetBuffer(keys.snapshot, 'seq', 'data')
    const snapshot: RoomSnapshot | null = seq && data ? { seq: Number(seq.toString()), update: toBytes(data) } : null
    return { snapshot, entries: await this.readLog(roomId, snapshot?.seq ?? 0) }
  }

  async appendUpdate(roomId: string, entry: NewLogEntry): Promise<number> {
    const seq = await this.append(roomId, entry, false)
    if (seq === null) throw new Error(`append to room ${roomId} returned no sequence number`)
    return seq
  }

  appendIfEmpty(roomId: string, entry: NewLogEntry): Promise<number | null> {
    return this.append(roomId, entry, true)
  }

  async saveSnapshot(roomId: string, snapshot: RoomSnapshot): Promise<void> {
    const keys = roomKeys(this.options.prefix, roomId)
    await this.redis.mbSaveSnapshot(keys.snapshot, keys.seq, snapshot.seq, toBuffer(snapshot.update))
  }

  async readLog(roomId: string, afterSeq = 0, limit = Number.MAX_SAFE_INTEGER): Promise<LogEntry[]> {
    const key = roomKeys(this.options.prefix, roomId).log
    const entries: LogEntry[] = []
    let after = afterSeq
    while (entries.length < limit) {
      const count = Math.min(READ_PAGE, limit - entries.length)
      const page = await this.redis.xrangeBuffer(key, `(${after}-0`, '+', 'COUNT', count)
      for (const [id, fields] of page) entries.push(toLogEntry(id, fields))
      if (page.length < count) break
      after = entries.at(-1)!.seq
    }
    return entries
  }

  async readLogPage(roomId: string, afterSeq: number, bounds: LogPageBounds): Promise<LogPage> {
    const key = roomKeys(this.options.prefix, roomId).log
    // Infinity does not cross into Lua; any bound past 2^53 means none.
    const bound = (n: number) => Math.min(n, Number.MAX_SAFE_INTEGER)
    const [more, ...page] = await this.redis.mbReadLogPageBuffer(
      key,
      afterSeq,
      bound(bounds.maxEntries),
      bound(bounds.maxBytes)
    )
    const entries = (page as [Buffer, Buffer[]][]).map(([id, fields]) => toLogEntry(id, fields))
    return { entries, more: Number(more) === 1 }
  }

  async logBytes(roomId: string): Promise<number> {
    const keys = roomKeys(this.options.prefix, roomId)
    let after = 0
    let sum = 0
    for (;;) {
      const [done, total, lastSeq] = await this.redis.mbCountLogBytes(
        keys.bytes,
        keys.log,
        keys.seq,
        after,
        sum,
        COUNT_PAGE
      )
      if (done === 1) return Number(total)
      sum = Number(total)
      after = Number(lastSeq)
    }
  }

  async deleteLog(key: string): Promise<void> {
    const keys = roomKeys(this.options.prefix, key)
    await this.redis.del(keys.log, keys.seq, keys.snapshot, keys.bytes, keys.archived)
  }

  async ping(): Promise<void> {
    await this.redis.ping()
  }

  async close(): Promise<void> {
    this.redis.disconnect()
  }

  private async append(roomId: string, entry: NewLogEntry, onlyIfEmpty: boolean): Promise<number | null> {
    const keys = roomKeys(this.options.prefix, roomId)
    const seq = await this.redis.mbAppend(
      keys.log,
      keys.seq,
      keys.bytes,
      keys.fence,
      keys.archived,
      entry.author,
      toBuffer(entry.update),
      keys.updates,
      this.options.serverId,
      onlyIfEmpty ? '1' : '0',
      String(Math.floor(entry.time)),
      this.publishCommand,
      entry.fence?.token ?? '',
      entry.fence?.afterSeq === undefined ? '' : String(entry.fence.afterSeq)
    )
    if (seq !== null && Number(seq) < 0) throw new LogFenceError(Number(seq) === -1 ? 'lost' : 'moved', roomId)
    return seq === null ? null : Number(seq)
  }
}

/** One stream entry (`XRANGE` with buffers) as a log entry. */
export function toLogEntry(id: Buffer, fields: Buffer[]): LogEntry {
  const entry: LogEntry = { seq: Number(id.toString().split('-')[0]), time: 0, author: '', update: new Uint8Array() }
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = fields[i]!.toString()
    const value = fields[i + 1]!
    if (name === 't') entry.time = Number(value.toString())
    else if (name === 'a') entry.author = value.toString()
    else if (name === 'u') entry.update = toBytes(value)
  }
  return entry
}
