import { Redis } from 'ioredis'
import { DEFAULT_REDIS_PREFIX } from './redisKeys'

/**
 * How a deployment reaches Redis: the one object every Redis connection is
 * opened from (servers, tests and tools alike), so a change of topology
 * (a Redis Cluster, TLS, credentials) is made here and nowhere else.
 */
export interface RedisConfig {
  /** `redis://[user:password@]host:port[/db]` (`REDIS_URL`). */
  url: string
  /** Prefix of every key and channel (`REDIS_PREFIX`; {@link DEFAULT_REDIS_PREFIX} by default). */
  prefix: string
}

/** A {@link RedisConfig} for `url` with the default key prefix. */
export function redisConfig(url: string, prefix: string = DEFAULT_REDIS_PREFIX): RedisConfig {
  return { url, prefix }
}

/** Options of one connection opened by {@link connectRedis}. */
export interface RedisConnectionOptions {
  /** Shown by `CLIENT LIST` as `mockboard-<name>` (storage, publisher, subscriber, …). */
  name?: string
  /**
   * Called on connection errors (ioredis reconnects by itself). Without it
   * errors are ignored, which is what short-lived test and tool connections want.
   */
  onError?: (error: Error) => void
  /** Reconnection attempts a command waits through before it fails. Default 5. */
  maxRetriesPerRequest?: number
}

/**
 * Opens one connection described by `config`. A command waits through at
 * most 5 reconnection attempts (`maxRetriesPerRequest`) before it fails, so
 * a Redis outage surfaces as an error instead of a hang.
 */
export function connectRedis(config: RedisConfig, options: RedisConnectionOptions = {}): Redis {
  const redis = new Redis(config.url, {
    maxRetriesPerRequest: options.maxRetriesPerRequest ?? 5,
    ...(options.name ? { connectionName: `mockboard-${options.name}` } : {}),
  })
  redis.on('error', options.onError ?? (() => undefined))
  return redis
}
