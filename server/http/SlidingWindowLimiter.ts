/** What {@link SlidingWindowLimiter.take} answers. */
export type LimitDecision = { ok: true; remaining: number } | { ok: false; retryAfterMs: number }

/** Options of a {@link SlidingWindowLimiter}. */
export interface SlidingWindowOptions {
  /** Units (events, or bytes when events are weighed) allowed per key within any window. */
  limit: number
  /** Window length in milliseconds. */
  windowMs: number
  /** Clock, for tests. */
  now?: () => number
  /** Keys tracked at most; past it, expired keys are swept and then the oldest dropped. */
  maxKeys?: number
}

/** One key's log: when each event happened, what it weighed, and their sum. */
interface KeyLog {
  times: number[]
  weights: number[]
  total: number
}

/**
 * An in-memory sliding-window log: events of at most `limit` units per key
 * in any `windowMs`. An event weighs 1 unit unless `take` is told otherwise
 * (bytes, for a byte quota). Exact: it keeps each event's time and weight,
 * one entry per event (events in the same millisecond share one), so a key
 * holds at most as many entries as events it was allowed in a window. Per
 * process: the embedded deployment's quotas (`MemoryQuotaLimiter`); in Redis
 * mode the servers count together in Redis (`RedisQuotaLimiter`, the same
 * algorithm) and use this only while Redis is unreachable.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, KeyLog>()
  private readonly now: () => number
  private readonly maxKeys: number

  constructor(private readonly options: SlidingWindowOptions) {
    if (!(options.limit >= 1) || !(options.windowMs > 0)) throw new Error('limit ≥ 1 and windowMs > 0 required')
    this.now = options.now ?? Date.now
    this.maxKeys = options.maxKeys ?? 100_000
  }

  /**
   * Records one event of `weight` units (default 1) for `key` if the window
   * has room for it; otherwise says when it will. An event heavier than the
   * whole limit counts as the limit: it passes once the window is empty, so
   * it is slowed, never refused for ever.
   */
  take(key: string, weight = 1): LimitDecision {
    if (!(weight >= 0)) throw new Error('weight ≥ 0 required')
    const units = Math.min(weight, this.options.limit)
    const now = this.now()
    const log = this.recent(key, now)
    if (log.total + units > this.options.limit) {
      // Wait until enough of the oldest events have left the window for this one to fit.
      let freed = 0
      let at = 0
      while (log.total - freed + units > this.options.limit) freed += log.weights[at++]!
      return { ok: false, retryAfterMs: Math.max(1, log.times[at - 1]! + this.options.windowMs - now) }
    }
    const last = log.times.length - 1
    if (last >= 0 && log.times[last] === now) log.weights[last]! += units
    else {
      log.times.push(now)
      log.weights.push(units)
    }
    log.total += units
    if (!this.events.has(key)) {
      if (this.events.size >= this.maxKeys) this.makeRoom(now)
      this.events.set(key, log)
    }
    return { ok: true, remaining: this.options.limit - log.total }
  }

  /** Keys currently tracked (for tests and metrics). */
  get size(): number {
    return this.events.size
  }

  private recent(key: string, now: number): KeyLog {
    const log = this.events.get(key)
    if (!log) return { times: [], weights: [], total: 0 }
    const cutoff = now - this.options.windowMs
    let expired = 0
    while (expired < log.times.length && log.times[expired]! <= cutoff) log.total -= log.weights[expired++]!
    if (expired > 0) {
      log.times.splice(0, expired)
      log.weights.splice(0, expired)
    }
    return log
  }

  private makeRoom(now: number): void {
    for (const key of [...this.events.keys()]) {
      if (this.recent(key, now).times.length === 0) this.events.delete(key)
    }
    // Still full: forget the oldest keys (Map keeps insertion order). Fail open rather than grow forever.
    for (const key of this.events.keys()) {
      if (this.events.size < this.maxKeys) break
      this.events.delete(key)
    }
  }
}
