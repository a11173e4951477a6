import { checkWeight, type LimitDecision, type QuotaLimiter } from './QuotaLimiter'

/** Default longest wait for the shared store's answer: Redis answers in well under a millisecond when well. */
export const QUOTA_DEADLINE_MS = 500

/** Options of a {@link FallbackQuotaLimiter}. */
export interface FallbackQuotaOptions {
  /** Longest wait for `primary`'s answer before deciding with `fallback` (default {@link QUOTA_DEADLINE_MS}). */
  timeoutMs?: number
  /** Told of each failure or timeout of `primary` (throttle it: an outage fails every request). */
  onFailure: (error: unknown) => void
}

/**
 * A quota that asks `primary` (the shared count in Redis) and, when it fails
 * or has not answered within the deadline, decides with `fallback` (this
 * process's own count) instead: a Redis outage neither takes the site down
 * (fail-closed would refuse every sign-in, board and recording chunk) nor
 * lifts the limit (plain fail-open would), it only makes it per process
 * again for as long as it lasts, as it was before quotas were shared. The
 * fallback counts only the events it decided, from the first failure on.
 * A take that timed out may still be counted in Redis later: that errs
 * towards the limit, never past it.
 */
export class FallbackQuotaLimiter implements QuotaLimiter {
  private readonly timeoutMs: number

  constructor(
    private readonly primary: QuotaLimiter,
    private readonly fallback: QuotaLimiter,
    private readonly options: FallbackQuotaOptions
  ) {
    this.timeoutMs = options.timeoutMs ?? QUOTA_DEADLINE_MS
  }

  async take(key: string, weight = 1): Promise<LimitDecision> {
    // A bad weight is the caller's bug, not an outage: reject it here rather than fall back.
    checkWeight(weight)
    try {
      return await withDeadline(this.primary.take(key, weight), this.timeoutMs)
    } catch (error) {
      this.options.onFailure(error)
      return this.fallback.take(key, weight)
    }
  }
}

/**
 * `promise`, or a rejection once `ms` have passed without its answer. The
 * rejection waits for the event loop's next check phase, after its I/O: when
 * the loop was blocked past the deadline (a long synchronous task), an answer
 * that arrived meanwhile is read first and wins, rather than a timer that
 * only looks late.
 */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => setImmediate(() => reject(new Error(`no answer within ${ms} ms`))), ms)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}
