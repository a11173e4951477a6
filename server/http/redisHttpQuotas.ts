import type { Logger } from 'pino'
import { throttledWarning } from '../ops/throttledWarning'
import { connectRedis, type RedisClient, type RedisConfig } from '../redis/redisConnection'
import { createHttpQuotas, type HttpQuotas } from './quotas'
import { redisQuotaBackend } from './redisQuotaBackend'

/** The app process's shared quotas and the connection they use. */
export interface RedisHttpQuotas {
  quotas: HttpQuotas
  /** Their connection (for readiness checks and tests). */
  redis: RedisClient
  /** Closes the connection (on shutdown). */
  close(): Promise<void>
}

/**
 * The HTTP quotas of an app server in Redis mode (`server/main.ts`): limits
 * from `env`, counted in the Redis that `config` (the server's own
 * `config.redis`) describes. They use a connection of their own because they
 * want the opposite of storage's patience: a command waits through one
 * reconnection attempt, not five (storage's appends wait out a failover; a
 * quota decides without Redis after `QUOTA_DEADLINE_MS` anyway, and its
 * commands should not pile up in the offline queue through an outage).
 * `options.timeoutMs`: how long a quota waits for Redis (default
 * `QUOTA_DEADLINE_MS`).
 */
export function openRedisHttpQuotas(
  config: RedisConfig,
  logger: Pick<Logger, 'warn'>,
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: { timeoutMs?: number } = {}
): RedisHttpQuotas {
  const warn = throttledWarning(logger, 'redis connection error')
  const redis = connectRedis(config, {
    name: 'quotas',
    maxRetriesPerRequest: 1,
    onError: (error) => warn({ err: error, role: 'quotas' }),
  })
  return {
    redis,
    quotas: createHttpQuotas(
      env,
      redisQuotaBackend(redis, { prefix: config.prefix, logger, timeoutMs: options.timeoutMs })
    ),
    async close() {
      await redis.quit().catch(() => undefined)
    },
  }
}
