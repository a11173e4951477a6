/**
 * A token bucket: `burst` frames at once, refilled at `perSecond`. One per
 * connection, so a flooding client is cut off without slowing anyone else.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ perSecond: 200, burst: 400 })
 * if (!limiter.take()) socket.close(CloseCode.RateLimited)
 * ```
 */
export class RateLimiter {
  private tokens: number
  private last: number

  constructor(
    private readonly options: { perSecond: number; burst: number },
    private readonly now: () => number = () => performance.now()
  ) {
    this.tokens = options.burst
    this.last = now()
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.now()
    this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.perSecond)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
