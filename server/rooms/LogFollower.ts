import type { LogEntry } from '../storage/RoomStorage'
import { fanoutBacklog } from '../ops/metrics'

/** Options of a {@link LogFollower}. */
export interface LogFollowerOptions {
  /** Reads log entries after `afterSeq`, oldest first. */
  readLog(afterSeq: number): Promise<LogEntry[]>
  /** Applies an entry another server accepted to this server's doc; `via` says how it arrived. */
  apply(seq: number, update: Uint8Array, via: 'bus' | 'log'): void
  /** How long to wait for a missing entry to arrive before reading the log. */
  gapGraceMs?: number
  /** How long to wait before reading again after a failed read (default 1 s). */
  retryMs?: number
  onError?(error: unknown): void
}

/**
 * Keeps a room's doc in step with its log when several servers append to it.
 *
 * The watermark is the highest sequence number up to which every entry is in
 * the doc. Entries from pub/sub are applied in log order; one that arrives
 * past a hole waits briefly (the hole may be our own append still in flight),
 * then the hole is read from the log. Pub/sub drops messages for slow or
 * reconnecting subscribers, so nothing here trusts it; but nothing here polls
 * either (an idle room costs Redis nothing). A lost message is noticed from
 * sequence numbers only: a later message past the hole ({@link receive}), or
 * a log head learnt some other way ({@link noteHead}): the writers' heads
 * announcements, and the one batched read of every room's head after a
 * reconnect (see `RedisRoomBus`). Either waits the same grace, then reads the
 * log past the watermark ({@link catchUp}). Applying a Yjs update twice is
 * harmless, so races only cost work.
 *
 * @example
 * ```ts
 * const follower = new LogFollower({ readLog, apply })
 * follower.start(lastSeqLoaded)
 * bus.onUpdate = (seq, update) => follower.receive(seq, update)
 * const seq = await storage.appendUpdate(...); follower.markOwn(seq)
 * ```
 */
export class LogFollower {
  private watermark = 0
  private started = false
  /** Entries from pub/sub waiting for the hole before them to fill. */
  private readonly pending = new Map<number, Uint8Array>()
  /** Our own appends past the watermark (already in the doc). */
  private readonly own = new Set<number>()
  /** A log head announced past the watermark (0: none): entries up to it exist somewhere. */
  private knownHead = 0
  private gapTimer: ReturnType<typeof setTimeout> | null = null
  private catchingUp: Promise<void> | null = null
  private stopped = false

  constructor(private readonly options: LogFollowerOptions) {}

  private get retryMs(): number {
    return this.options.retryMs ?? 1_000
  }

  /** The highest sequence number up to which the doc holds every entry. */
  get position(): number {
    return this.watermark
  }

  /**
   * Starts following from `watermark` (what the room loaded). Entries received
   * before and past it are kept; those it already covers (the room subscribes
   * before it loads, so the bus may deliver what the load then reads too) are
   * dropped, or they would look like a hole and cost a needless log read.
   */
  start(watermark: number): void {
    this.watermark = Math.max(this.watermark, watermark)
    this.started = true
    this.forgetCovered()
    this.advance()
  }

  /** Records an entry this server appended (its update is already in the doc). */
  markOwn(seq: number): void {
    if (seq <= this.watermark) return
    this.own.add(seq)
    this.advance()
  }

  /** Handles an entry announced on the bus. */
  receive(seq: number, update: Uint8Array): void {
    if (seq <= this.watermark || this.own.has(seq) || this.pending.has(seq)) return
    this.pending.set(seq, update)
    fanoutBacklog.inc()
    this.advance()
  }

  /**
   * Learns that the log reaches at least `seq` (a writer's announcement, or a
   * read after a reconnect). Past the watermark, it is a hole like any other:
   * after the grace (its message may still be on the way), the log is read.
   */
  noteHead(seq: number): void {
    if (seq <= this.watermark || seq <= this.knownHead) return
    this.knownHead = seq
    this.advance()
  }

  /** Reads and applies everything the log has past the watermark. Single-flight. */
  catchUp(): Promise<void> {
    if (!this.started || this.stopped) return Promise.resolve()
    this.catchingUp ??= this.readAndApply().finally(() => (this.catchingUp = null))
    return this.catchingUp
  }

  /** Stops timers; later calls do nothing. */
  stop(): void {
    this.stopped = true
    fanoutBacklog.dec(this.pending.size)
    this.pending.clear()
    if (this.gapTimer) clearTimeout(this.gapTimer)
    this.gapTimer = null
  }

  /** Drops received entries and own appends the watermark already covers. */
  private forgetCovered(): void {
    for (const seq of this.pending.keys()) {
      if (seq <= this.watermark && this.pending.delete(seq)) fanoutBacklog.dec()
    }
    for (const seq of this.own) if (seq <= this.watermark) this.own.delete(seq)
  }

  private advance(): void {
    if (!this.started) return
    for (;;) {
      const next = this.watermark + 1
      const update = this.pending.get(next)
      if (update) {
        this.pending.delete(next)
        fanoutBacklog.dec()
        this.options.apply(next, update, 'bus')
      } else if (this.own.has(next)) {
        this.own.delete(next)
      } else {
        break
      }
      this.watermark = next
    }
    if (this.knownHead <= this.watermark) this.knownHead = 0
    if (this.pending.size > 0 || this.knownHead > 0) this.scheduleGapRepair()
  }

  private scheduleGapRepair(delayMs = this.options.gapGraceMs ?? 50): void {
    if (this.gapTimer || this.stopped) return
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null
      if (this.pending.size > 0 || this.knownHead > this.watermark) void this.catchUp()
    }, delayMs)
    this.gapTimer.unref?.()
  }

  private async readAndApply(): Promise<void> {
    // The read covers every head announced so far; one announced while it runs schedules another.
    const target = this.knownHead
    this.knownHead = 0
    try {
      const entries = await this.options.readLog(this.watermark)
      for (const entry of entries) {
        if (entry.seq <= this.watermark) continue
        if (!this.own.has(entry.seq)) this.options.apply(entry.seq, entry.update, 'log')
        this.own.delete(entry.seq)
        if (this.pending.delete(entry.seq)) fanoutBacklog.dec()
        this.watermark = entry.seq
      }
      this.forgetCovered()
      this.advance()
    } catch (error) {
      this.options.onError?.(error)
      // Still missing: try again later (not at once: Redis may be away).
      this.knownHead = Math.max(this.knownHead, target)
      if (this.pending.size > 0 || this.knownHead > this.watermark) this.scheduleGapRepair(this.retryMs)
    }
  }
}
