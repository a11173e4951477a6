import type { RedisClient } from '../redis/redisConnection'
import { globalKeys } from '../redis/redisKeys'
import { checkWeight, type LimitDecision, type QuotaLimiter, type QuotaSpec } from './QuotaLimiter'
import { SLIDING_WINDOW_TAKE_SCRIPT } from './slidingWindowScript'

/** The client with the quota script defined on it. */
type QuotaClient = RedisClient & {
  mbQuotaTake(key: string, limit: number, windowMs: number, units: number, now: string): Promise<[number, number]>
}

/** Options of a {@link RedisQuotaLimiter}. */
export interface RedisQuotaOptions {
  /** Key prefix (`REDIS_PREFIX`). */
  prefix: string
  /**
   * Tests only: the clock the window slides on, instead of the Redis
   * server's `TIME` (see `SLIDING_WINDOW_TAKE_SCRIPT` for why production
   * uses Redis's). Key expiry still counts on Redis's clock.
   */
  now?: () => number
}

/**
 * A {@link QuotaLimiter} in Redis, shared by every server on it: one sorted
 * set per quota and key (`<prefix>quota:<name>:<key>`, expiring one window
 * after its last event), taken with one atomic script on that key alone
 * (`SLIDING_WINDOW_TAKE_SCRIPT`), so it works on one node, Sentinel and a
 * Redis Cluster alike. Rejects when Redis does (see `FallbackQuotaLimiter`
 * for what the app does then).
 */
export class RedisQuotaLimiter implements QuotaLimiter {
  private readonly redis: QuotaClient

  constructor(
    redis: RedisClient,
    private readonly spec: QuotaSpec,
    private readonly options: RedisQuotaOptions
  ) {
    if (
      !Number.isSafeInteger(spec.limit) ||
      spec.limit < 1 ||
      !Number.isSafeInteger(spec.windowMs) ||
      spec.windowMs < 1
    )
      throw new Error('whole limit ≥ 1 and windowMs ≥ 1 required')
    // Defining it again on a shared client (one per quota) replaces it with the same script.
    redis.defineCommand('mbQuotaTake', { numberOfKeys: 1, lua: SLIDING_WINDOW_TAKE_SCRIPT })
    this.redis = redis as QuotaClient
  }

  /** The Redis key of `key`'s events. */
  keyOf(key: string): string {
    return globalKeys.quota(this.options.prefix, this.spec.name, key)
  }

  async take(key: string, weight = 1): Promise<LimitDecision> {
    checkWeight(weight)
    const units = Math.min(weight, this.spec.limit)
    const now = this.options.now ? String(this.options.now()) : ''
    const [taken, value] = await this.redis.mbQuotaTake(
      this.keyOf(key),
      this.spec.limit,
      this.spec.windowMs,
      units,
      now
    )
    return taken === 1 ? { ok: true, remaining: value } : { ok: false, retryAfterMs: value }
  }
}
