import type { Logger } from 'pino'
import { throttledWarning } from '../ops/throttledWarning'
import type { RedisClient } from '../redis/redisConnection'
import { FallbackQuotaLimiter } from './FallbackQuotaLimiter'
import { MemoryQuotaLimiter } from './MemoryQuotaLimiter'
import type { QuotaBackend } from './QuotaLimiter'
import { RedisQuotaLimiter } from './RedisQuotaLimiter'

/** Options of {@link redisQuotaBackend}. */
export interface RedisQuotaBackendOptions {
  /** Key prefix (`REDIS_PREFIX`). */
  prefix: string
  /** Where an outage is reported (one line per 5 s at most, for all quotas together). */
  logger: Pick<Logger, 'warn'>
  /** Longest wait for Redis before deciding in this process (default `QUOTA_DEADLINE_MS`). */
  timeoutMs?: number
  /** Tests only: the window's clock instead of Redis's `TIME` (see `RedisQuotaOptions.now`). */
  now?: () => number
}

/**
 * Quotas shared by every server on `redis` ({@link RedisQuotaLimiter}), each
 * falling back to a count in this process while Redis fails or is slow
 * ({@link FallbackQuotaLimiter}, with a throttled warning).
 */
export function redisQuotaBackend(redis: RedisClient, options: RedisQuotaBackendOptions): QuotaBackend {
  const warn = throttledWarning(options.logger, 'HTTP quotas: Redis failed, counting in this process meanwhile')
  return {
    limiter: (spec) =>
      new FallbackQuotaLimiter(
        new RedisQuotaLimiter(redis, spec, { prefix: options.prefix, now: options.now }),
        new MemoryQuotaLimiter(spec, options.now),
        { timeoutMs: options.timeoutMs, onFailure: (error) => warn({ err: error, quota: spec.name }) }
      ),
  }
}
