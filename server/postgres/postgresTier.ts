import type { Logger } from 'pino'
import type pg from 'pg'
import type { RoomStorage } from '../storage/RoomStorage'
import type { RedisClient } from '../redis/redisConnection'
import { RedisLogTail } from '../redis/RedisLogTail'
import { openPostgres, migratePostgres } from './openPostgres'
import { PostgresRoomDirectory } from './PostgresRoomDirectory'
import { PostgresSessionStore } from './PostgresSessionStore'
import { PostgresLogArchive } from './PostgresLogArchive'
import { TieredRoomStorage } from './TieredRoomStorage'
import { LogArchiver } from './LogArchiver'

/** What `DATABASE_URL` configures: the database and how long a room's logs stay in Redis once idle. */
export interface PostgresConfig {
  url: string
  /** `ARCHIVE_IDLE_MS`: a log whose newest entry is this old moves from Redis to PostgreSQL. */
  archiveIdleMs: number
}

/** The PostgreSQL tier of one server: the relational stores, and (with Redis) the cold tier of the logs. */
export interface PostgresTier {
  pool: pg.Pool
  directory: PostgresRoomDirectory
  sessions: PostgresSessionStore
  /** The archiver moving idle logs out of Redis (Redis mode only). */
  archiver: LogArchiver | null
  /** Applies the migrations, then starts the archiver. */
  start(): Promise<void>
  /** Stops the archiver and closes the pool (after the storage has flushed). */
  close(): Promise<void>
}

/**
 * Opens the PostgreSQL tier. With `redis` (the Redis room storage and its
 * connection) the logs become two-tiered: the returned `storage` reads
 * PostgreSQL and then the Redis tail, and an archiver moves idle logs.
 * Without it the logs stay where the embedded store keeps them.
 */
export function openPostgresTier(
  config: PostgresConfig,
  logger: Logger,
  redis?: { storage: RoomStorage; client: RedisClient; prefix: string }
): { tier: PostgresTier; storage: RoomStorage | null } {
  const pool = openPostgres(config.url, logger)
  let storage: TieredRoomStorage | null = null
  let archiver: LogArchiver | null = null
  if (redis) {
    const tail = new RedisLogTail(redis.client, redis.prefix)
    const archive = new PostgresLogArchive(pool)
    storage = new TieredRoomStorage(redis.storage, tail, archive)
    archiver = new LogArchiver({ storage, hot: redis.storage, tail, archive, idleMs: config.archiveIdleMs, logger })
  }
  const tier: PostgresTier = {
    pool,
    directory: new PostgresRoomDirectory(pool),
    sessions: new PostgresSessionStore(pool),
    archiver,
    async start() {
      await migratePostgres(pool, logger)
      archiver?.start()
    },
    async close() {
      await archiver?.stop()
      // Closing twice (a test's cleanup after a server it stopped) is harmless, as for the other connections.
      if (!pool.ended) await pool.end()
    },
  }
  return { tier, storage }
}
