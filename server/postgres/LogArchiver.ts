import type { Logger } from 'pino'
import type { RoomStorage } from '../storage/RoomStorage'
import type { RedisLogTail } from '../redis/RedisLogTail'
import type { PostgresLogArchive } from './PostgresLogArchive'
import type { TieredRoomStorage } from './TieredRoomStorage'

/** Logs looked at per queue visit. */
const BATCH = 100

/** Entries copied to PostgreSQL per transaction while archiving one log. */
const COPY_PAGE = 5_000

/** Longest pause between two looks at the queue. */
const MAX_INTERVAL_MS = 30_000

/** What the archiver works on: the tiered storage's parts and how long a log must be quiet. */
export interface LogArchiverOptions {
  storage: TieredRoomStorage
  /** The Redis room storage (its byte counter is made exact before a log's entries leave Redis). */
  hot: RoomStorage
  tail: RedisLogTail
  archive: PostgresLogArchive
  /** A log whose newest entry is this old (ms) is archived (`ARCHIVE_IDLE_MS`). */
  idleMs: number
  logger: Logger
}

/**
 * Moves the logs of idle rooms from Redis to PostgreSQL, so Redis holds only
 * the rooms in use. Every server runs one: each queues the logs it appended
 * to (due `idleMs` later, in PostgreSQL, so the queue outlives restarts) and
 * visits the due ones, sharing the queue with the others through row locks.
 * A visited log whose newest entry is younger than `idleMs` is looked at
 * again when it may be idle; an idle one is copied (entries and snapshot)
 * to PostgreSQL and committed, then that prefix, and only it, is trimmed from
 * Redis in one script: appends made meanwhile by any server stay.
 */
export class LogArchiver {
  private timer: ReturnType<typeof setInterval> | null = null
  private running: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: LogArchiverOptions) {}

  /** Looks at the queue every `idleMs / 4` (at most every 30 s) until {@link stop}. */
  start(): void {
    const interval = Math.min(MAX_INTERVAL_MS, Math.max(250, this.options.idleMs / 4))
    this.timer = setInterval(() => {
      this.running = this.running
        .then(() => this.runOnce())
        .catch((error: unknown) => this.options.logger.warn({ err: error }, 'log archiving failed'))
    }, interval)
    this.timer.unref()
  }

  /** Stops the timer, waits for a visit under way, and queues what was appended since the last one. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running.catch(() => undefined)
    await this.flush().catch((error: unknown) => this.options.logger.warn({ err: error }, 'archive queue not saved'))
  }

  /** Queues the logs appended to since the last call (due `idleMs` after `now`). */
  async flush(now = Date.now()): Promise<void> {
    await this.options.archive.enqueue(this.options.storage.takeTouched(), now + this.options.idleMs)
  }

  /**
   * Queues what was appended, then archives every due log that has been idle
   * for `idleMs` at `now`. Resolves with the number of logs archived.
   */
  async runOnce(now = Date.now()): Promise<number> {
    await this.flush(now)
    let archived = 0
    for (;;) {
      const visited = await this.options.archive.takeDue(now, BATCH, async (logKey) => {
        const last = await this.options.tail.lastEntryTime(logKey)
        if (last !== null && last > now - this.options.idleMs) return last + this.options.idleMs
        if (await this.archiveLog(logKey)) archived++
        return null
      })
      if (visited < BATCH) return archived
    }
  }

  /**
   * Copies what Redis holds of one log (past what was archived) to
   * PostgreSQL, with its snapshot, then trims that prefix from Redis.
   * Safe to run at any time, on any server, twice at once: the copy ignores
   * entries already archived and the trim never moves back.
   */
  async archiveLog(logKey: string): Promise<boolean> {
    const { hot, tail, archive } = this.options
    await hot.logBytes(logKey) // creates the byte counter of an old log while all of it is still in Redis
    const { snapshot, archived } = await tail.snapshot(logKey)
    let pending = snapshot
    let upTo = { seq: archived, time: 0 }
    for (;;) {
      const { entries } = await tail.read(logKey, upTo.seq, COPY_PAGE)
      const last = entries.at(-1) ?? upTo
      const keep = pending && pending.seq <= last.seq ? pending : null
      if (entries.length === 0 && !keep) break
      await archive.store(logKey, entries, keep)
      if (keep) pending = null
      upTo = { seq: last.seq, time: last.time }
      if (entries.length < COPY_PAGE) break
    }
    const movedSnapshot = snapshot && !pending ? snapshot.seq : 0
    if (upTo.seq === archived && !movedSnapshot) return false
    return tail.trim(logKey, upTo, movedSnapshot)
  }
}
