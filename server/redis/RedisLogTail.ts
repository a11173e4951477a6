import type { LogEntry, LogPage, LogPageBounds, RoomSnapshot } from '../storage/RoomStorage'
import { roomKeys } from './redisKeys'
import type { RedisClient } from './redisConnection'
import { toLogEntry } from './RedisRoomStorage'
import { READ_LOG_PAGE_SCRIPT } from './scripts'
import { toBytes } from '../storage/bytes'

/**
 * Trims the archived prefix of a log, atomically: every entry up to `upTo`
 * is already in PostgreSQL. `XTRIM MINID` removes those (entries appended
 * meanwhile by any server have higher ids and stay), and a stream left empty
 * is deleted (an emptied stream keeps its 4 KB node). The marker records how
 * far the log was archived (`s`, never moving back) and that entry's time
 * (`t`: the append script raises a new entry's time to it when the stream is
 * gone). The snapshot goes if it is the one archived with them (a newer one
 * saved meanwhile stays). The sequence and byte counters stay, so numbering
 * and the log quota go on across the tiers.
 *
 * KEYS: log, archived marker, snapshot. ARGV: upTo, its time, archived snapshot's seq (0 for none).
 * Returns 1 when trimmed, 0 when the log was already archived further.
 */
const TRIM_ARCHIVED_SCRIPT = `
local upTo = tonumber(ARGV[1])
if upTo < tonumber(redis.call('HGET', KEYS[2], 's') or '0') then return 0 end
redis.call('XTRIM', KEYS[1], 'MINID', (upTo + 1) .. '-0')
if redis.call('XLEN', KEYS[1]) == 0 then redis.call('DEL', KEYS[1]) end
local time = tonumber(redis.call('HGET', KEYS[2], 't') or '0')
if tonumber(ARGV[2]) > time then time = tonumber(ARGV[2]) end
redis.call('HSET', KEYS[2], 's', upTo, 't', time)
local snap = tonumber(ARGV[3])
if snap > 0 and tonumber(redis.call('HGET', KEYS[3], 'seq') or '0') == snap then redis.call('DEL', KEYS[3]) end
return 1
`

/**
 * Reads the tail after a position and how far the log was archived, in one
 * step (the catch-up of every loaded room reads this way: one command).
 * KEYS: log, archived marker. ARGV: afterSeq, count. Returns `{ marker, entries }`.
 */
const READ_TAIL_SCRIPT = `
local marker = redis.call('HGET', KEYS[2], 's') or '0'
return { marker, redis.call('XRANGE', KEYS[1], '(' .. ARGV[1] .. '-0', '+', 'COUNT', tonumber(ARGV[2])) }
`

/** Most entries one {@link RedisLogTail.read} returns. */
export const TAIL_READ_PAGE = 5_000

type TailClient = RedisClient & {
  mbTailReadBuffer: (
    log: string,
    marker: string,
    afterSeq: number,
    count: number
  ) => Promise<[Buffer, [Buffer, Buffer[]][]]>
  mbTrimArchived: (
    log: string,
    marker: string,
    snapshot: string,
    upTo: number,
    time: number,
    snapSeq: number
  ) => Promise<number>
}

/**
 * The Redis side of a tiered log (`DATABASE_URL` with Redis): the log's hot
 * tail read together with how far its prefix was archived (one script or
 * `MULTI`, so a trim never falls between the two reads), and the trim itself. The marker
 * is a hash beside the log's keys (same hash tag, same slot on a cluster).
 */
export class RedisLogTail {
  private readonly redis: TailClient

  constructor(
    redis: RedisClient,
    readonly prefix: string
  ) {
    redis.defineCommand('mbTrimArchived', { numberOfKeys: 3, lua: TRIM_ARCHIVED_SCRIPT })
    redis.defineCommand('mbTailPage', { numberOfKeys: 1, lua: READ_LOG_PAGE_SCRIPT })
    redis.defineCommand('mbTailRead', { numberOfKeys: 2, lua: READ_TAIL_SCRIPT })
    this.redis = redis as TailClient
  }

  private keys(logKey: string) {
    return roomKeys(this.prefix, logKey)
  }

  /** Up to `count` entries after `afterSeq` in Redis, and how far the log was archived at that instant. */
  async read(logKey: string, afterSeq: number, count: number): Promise<{ entries: LogEntry[]; archived: number }> {
    const keys = this.keys(logKey)
    const n = Math.min(count, TAIL_READ_PAGE)
    const [marker, page] = await this.redis.mbTailReadBuffer(keys.log, keys.archived, afterSeq, n)
    const entries = page.map(([id, fields]) => toLogEntry(id, fields))
    return { entries, archived: Number(marker.toString()) }
  }

  /** One bounded page after `afterSeq` in Redis (as `RoomStorage.readLogPage`), and the archive marker. */
  async readPage(logKey: string, afterSeq: number, bounds: LogPageBounds): Promise<LogPage & { archived: number }> {
    const keys = this.keys(logKey)
    const bound = (n: number) => Math.min(n, Number.MAX_SAFE_INTEGER)
    const multi = this.redis.multi() as ReturnType<RedisClient['multi']> & {
      mbTailPageBuffer(log: string, after: number, maxEntries: number, maxBytes: number): unknown
    }
    multi.mbTailPageBuffer(keys.log, afterSeq, bound(bounds.maxEntries), bound(bounds.maxBytes))
    const [result, marker] = await this.exec(multi.hget(keys.archived, 's'))
    const [more, ...page] = result as unknown[]
    const entries = (page as [Buffer, Buffer[]][]).map(([id, fields]) => toLogEntry(id, fields))
    return { entries, more: Number(more) === 1, archived: Number(marker ?? 0) }
  }

  /** The snapshot kept in Redis, and the archive marker. */
  async snapshot(logKey: string): Promise<{ snapshot: RoomSnapshot | null; archived: number }> {
    const keys = this.keys(logKey)
    const [fields, marker] = await this.exec(
      this.redis.multi().hmgetBuffer(keys.snapshot, 'seq', 'data').hget(keys.archived, 's')
    )
    const [seq, data] = fields as (Buffer | null)[]
    const snapshot = seq && data ? { seq: Number(seq.toString()), update: toBytes(data) } : null
    return { snapshot, archived: Number(marker ?? 0) }
  }

  /** The time of the log's newest entry in Redis, or null when Redis holds none. */
  async lastEntryTime(logKey: string): Promise<number | null> {
    const [last] = await this.redis.xrevrangeBuffer(this.keys(logKey).log, '+', '-', 'COUNT', 1)
    return last ? toLogEntry(last[0], last[1]).time : null
  }

  /** Removes the archived prefix up to `upTo`, whose last entry has time `time` (see {@link TRIM_ARCHIVED_SCRIPT}). */
  async trim(logKey: string, upTo: { seq: number; time: number }, snapshotSeq: number): Promise<boolean> {
    const keys = this.keys(logKey)
    const trimmed = await this.redis.mbTrimArchived(
      keys.log,
      keys.archived,
      keys.snapshot,
      upTo.seq,
      upTo.time,
      snapshotSeq
    )
    return trimmed === 1
  }

  /** Runs a `MULTI` and returns its replies, throwing the first error. */
  private async exec(multi: { exec(): Promise<[Error | null, unknown][] | null> }): Promise<unknown[]> {
    const replies = await multi.exec()
    if (!replies) throw new Error('redis transaction aborted')
    return replies.map(([error, value]) => {
      if (error) throw error
      return value
    })
  }
}
