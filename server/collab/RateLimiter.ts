/**
 * A token bucket: `burst` tokens at once, refilled at `perSecond`. One per
 * connection and budget, so a flooding client is cut off without slowing
 * anyone else. A token is whatever the caller counts: frames (take one per
 * frame) or bytes (take the frame's size).
 *
 * @example
 * ```ts
 * const frames = new RateLimiter({ perSecond: 300, burst: 600 })
 * if (!frames.take()) socket.close(CloseCode.RateLimited)
 * const bytes = new RateLimiter({ perSecond: 256 * 1024, burst: 8 * 1024 * 1024 })
 * if (!bytes.take(frame.byteLength)) socket.close(CloseCode.ByteBudgetExceeded)
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

  /**
   * Takes `amount` tokens (one by default); false, taking none, when fewer
   * are left. An amount larger than the burst is never granted.
   */
  take(amount = 1): boolean {
    const now = this.now()
    this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.perSecond)
    this.last = now
    if (this.tokens < amount) return false
    this.tokens -= amount
    return true
  }
}
