import type { LimitDecision } from './SlidingWindowLimiter'

export type { LimitDecision } from './SlidingWindowLimiter'

/**
 * One quota: events of at most `limit` units per key within any sliding
 * window of `windowMs`, an event weighing 1 unless told (bytes, for a byte
 * quota). The contract both stores keep (`MemoryQuotaLimiter`, per process;
 * `RedisQuotaLimiter`, shared by every server on one Redis), and that
 * `quotaLimiterContract` tests them against.
 */
export interface QuotaLimiter {
  /**
   * Records one event of `weight` whole units (default 1) for `key` if the
   * window has room for it, and says how many units are left; otherwise
   * records nothing and says how long until it would fit (`retryAfterMs`,
   * at least 1). An event heavier than the whole limit counts as the limit:
   * it passes once the window is empty, slowed but never refused for ever.
   * Rejects on a negative or fractional weight.
   */
  take(key: string, weight?: number): Promise<LimitDecision>
}

/** What a quota is: its name (part of its Redis keys), its limit and its window. */
export interface QuotaSpec {
  /** Short and stable, `[a-z-]`: `rooms`, `guest-signins`, … */
  name: string
  /** Units allowed per key within any window (≥ 1). */
  limit: number
  /** Window length in milliseconds (> 0). */
  windowMs: number
}

/** Makes the limiter of one quota: in memory (`memoryQuotaBackend`) or in Redis (`redisQuotaBackend`). */
export interface QuotaBackend {
  limiter(spec: QuotaSpec): QuotaLimiter
}

/** Throws unless `weight` is a whole number of units ≥ 0 (what both stores accept). */
export function checkWeight(weight: number): void {
  if (!Number.isSafeInteger(weight) || weight < 0) throw new Error('weight must be a whole number ≥ 0')
}
