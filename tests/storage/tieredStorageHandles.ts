import pino from 'pino'
import type { NewLogEntry } from '@/server/storage/RoomStorage'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import { RedisLogTail } from '@/server/redis/RedisLogTail'
import { connectRedis, type RedisClient, type RedisConfig } from '@/server/redis/redisConnection'
import { openPostgres, migratePostgres } from '@/server/postgres/openPostgres'
import { PostgresLogArchive } from '@/server/postgres/PostgresLogArchive'
import { TieredRoomStorage } from '@/server/postgres/TieredRoomStorage'
import { LogArchiver } from '@/server/postgres/LogArchiver'
import type { PostgresServer } from '../support/postgres'

const logger = pino({ level: 'silent' })

/**
 * A two-tier storage that archives its log to PostgreSQL after every
 * `every`-th append (whatever its age), so each read of the contract crosses
 * from the archived prefix into the Redis tail, and archiving runs while
 * other appends (the contract's concurrent ones) are under way.
 */
export class EagerlyArchivedStorage extends TieredRoomStorage {
  archiver!: LogArchiver

  constructor(
    readonly redis: RedisClient,
    tail: RedisLogTail,
    archive: PostgresLogArchive,
    private readonly every: number
  ) {
    const hot = new RedisRoomStorage(redis, { serverId: `s${Math.random()}`, prefix: tail.prefix })
    super(hot, tail, archive)
    this.archiver = new LogArchiver({ storage: this, hot, tail, archive, idleMs: 60_000, logger })
  }

  override async appendUpdate(roomId: string, entry: NewLogEntry): Promise<number> {
    const seq = await super.appendUpdate(roomId, entry)
    if (seq % this.every === 0) await this.archiver.archiveLog(roomId)
    return seq
  }
}

/**
 * Opens two-tier storages on one Redis deployment (`config`: one node or a
 * cluster; a fresh key prefix) and one fresh PostgreSQL database: `open()` is
 * one server's, `destroy` closes them all.
 */
export async function openTieredStorages(config: RedisConfig, postgres: PostgresServer, every = 2) {
  const prefix = `tier${Math.random().toString(36).slice(2, 8)}:`
  const pool = openPostgres(await postgres.createDatabase(), logger)
  await migratePostgres(pool, logger)
  const archive = new PostgresLogArchive(pool)
  const handles: EagerlyArchivedStorage[] = []
  return {
    pool,
    archive,
    /** A new server's storage (its own Redis connection; commands fail fast once closed). */
    open(): EagerlyArchivedStorage {
      const redis = connectRedis({ ...config, prefix }, { maxRetriesPerRequest: 1 })
      const storage = new EagerlyArchivedStorage(redis, new RedisLogTail(redis, prefix), archive, every)
      handles.push(storage)
      return storage
    },
    async destroy() {
      for (const handle of handles) await handle.close()
      await pool.end()
    },
  }
}
