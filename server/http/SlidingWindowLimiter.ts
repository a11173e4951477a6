/** What {@link SlidingWindowLimiter.take} answers. */
export type LimitDecision = { ok: true; remaining: number } | { ok: false; retryAfterMs: number }

/** Options of a {@link SlidingWindowLimiter}. */
export interface SlidingWindowOptions {
  /** Events allowed per key within any window. */
  limit: number
  /** Window length in milliseconds. */
  windowMs: number
  /** Clock, for tests. */
  now?: () => number
  /** Keys tracked at most; past it, expired keys are swept and then the oldest dropped. */
  maxKeys?: number
}

/**
 * An in-memory sliding-window log: at most `limit` events per key in any
 * `windowMs`. Exact (it keeps each event's time, so the limit must stay
 * small, as quotas of tens per hour are), and per process: with several app
 * servers (Redis mode) each one counts on its own.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>()
  private readonly now: () => number
  private readonly maxKeys: number

  constructor(private readonly options: SlidingWindowOptions) {
    if (!(options.limit >= 1) || !(options.windowMs > 0)) throw new Error('limit ≥ 1 and windowMs > 0 required')
    this.now = options.now ?? Date.now
    this.maxKeys = options.maxKeys ?? 100_000
  }

  /** Records one event for `key` if the window has room; otherwise says when it will. */
  take(key: string): LimitDecision {
    const now = this.now()
    const times = this.recent(key, now)
    if (times.length >= this.options.limit) {
      return { ok: false, retryAfterMs: Math.max(1, times[0]! + this.options.windowMs - now) }
    }
    times.push(now)
    if (!this.events.has(key)) {
      if (this.events.size >= this.maxKeys) this.makeRoom(now)
      this.events.set(key, times)
    }
    return { ok: true, remaining: this.options.limit - times.length }
  }

  /** Keys currently tracked (for tests and metrics). */
  get size(): number {
    return this.events.size
  }

  private recent(key: string, now: number): number[] {
    const times = this.events.get(key)
    if (!times) return []
    const cutoff = now - this.options.windowMs
    let expired = 0
    while (expired < times.length && times[expired]! <= cutoff) expired++
    if (expired > 0) times.splice(0, expired)
    return times
  }

  private makeRoom(now: number): void {
    for (const key of [...this.events.keys()]) {
      if (this.recent(key, now).length === 0) this.events.delete(key)
    }
    // Still full: forget the oldest keys (Map keeps insertion order). Fail open rather than grow forever.
    for (const key of this.events.keys()) {
      if (this.events.size < this.maxKeys) break
      this.events.delete(key)
    }
  }
}
