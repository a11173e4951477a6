/**
 * Scenario 9: the PostgreSQL cold tier. The synthetic 60-minute session of
 * scenario 8 (20,000 board updates with their times) is appended to a real
 * `redis-server` through the two-tier storage (Redis with `DATABASE_URL`),
 * then archived to a real PostgreSQL 15. Measured: Redis memory the session
 * holds while hot and after archiving (INFO `used_memory` above a baseline
 * taken after one warm-up room went through both, since Redis allocates once
 * per command name; client buffers move it by some KB either way), the
 * bytes of the keys the log leaves in Redis (`MEMORY USAGE`), and what PostgreSQL grows by (its tables' and indexes'
 * size, `pg_total_relation_size`). The presence log (cursors: up to 5 entries
 * a second per server while they move) is not in this session.
 */
import pino from 'pino'
import { connectRedis, redisConfig } from '@/server/redis/redisConnection'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import { RedisLogTail } from '@/server/redis/RedisLogTail'
import { openPostgres, migratePostgres } from '@/server/postgres/openPostgres'
import { PostgresLogArchive } from '@/server/postgres/PostgresLogArchive'
import { TieredRoomStorage } from '@/server/postgres/TieredRoomStorage'
import { LogArchiver } from '@/server/postgres/LogArchiver'
import type { RoomStorage } from '@/server/storage/RoomStorage'
import { RedisServer } from '../../support/redisServer'
import { PostgresServer } from '../../support/postgres'
import { buildSession } from '../replaySession'
import { singleRow, type BenchOptions, type BenchRow } from '../types'

/** Appends in flight at once (one connection keeps them in order). */
const IN_FLIGHT = 200

async function appendAll(storage: RoomStorage, room: string, entries: ReturnType<typeof buildSession>['entries']) {
  for (let i = 0; i < entries.length; i += IN_FLIGHT) {
    await Promise.all(
      entries
        .slice(i, i + IN_FLIGHT)
        .map((e) => storage.appendUpdate(room, { time: e.time, author: 'user:c', update: e.update }))
    )
  }
}

/** Scenario 9: Redis memory per hour of session before and after archiving, and PostgreSQL's growth. */
export async function run(options: BenchOptions): Promise<BenchRow[]> {
  const count = options.quick ? 1_000 : 20_000
  const { entries } = buildSession(count)
  const hours = (entries.at(-1)!.time - entries[0]!.time) / 3_600_000
  const scenario = `10. PostgreSQL cold tier, a 60-minute, ${count.toLocaleString('en-US')}-update session`
  const redisServer = await RedisServer.start({ appendfsync: 'everysec' })
  const postgres = await PostgresServer.start()
  const logger = pino({ level: 'silent' })
  const pool = openPostgres(await postgres.createDatabase(), logger)
  const redis = connectRedis(redisConfig(redisServer.url, 'bench:'))
  const info = connectRedis(redisConfig(redisServer.url, ''))
  try {
    await migratePostgres(pool, logger)
    const hot = new RedisRoomStorage(redis, { serverId: 'bench', prefix: 'bench:' })
    const tail = new RedisLogTail(redis, 'bench:')
    const archive = new PostgresLogArchive(pool)
    const storage = new TieredRoomStorage(hot, tail, archive)
    const archiver = new LogArchiver({ storage, hot, tail, archive, idleMs: 60_000, logger })
    const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await info.info('memory'))![1])
    const pgBytes = async () =>
      Number(
        (
          await pool.query<{ n: string }>(
            `SELECT pg_total_relation_size('room_log_entries') + pg_total_relation_size('room_log_snapshots') AS n`
          )
        ).rows[0]!.n
      )

    await appendAll(storage, 'warmup', entries.slice(0, 50))
    await archiver.archiveLog('warmup')
    const baseline = await usedMemory()
    const pgBefore = await pgBytes()
    await appendAll(storage, 'session', entries)
    const hotBytes = (await usedMemory()) - baseline
    await archiver.archiveLog('session')
    const archivedBytes = (await usedMemory()) - baseline
    let keyBytes = 0
    for (const key of await info.keys('bench:{session}*')) keyBytes += Number(await info.memory('USAGE', key))
    await pool.query('VACUUM ANALYZE room_log_entries')
    const pgGrowth = (await pgBytes()) - pgBefore
    const logBytes = entries.reduce((sum, e) => sum + e.update.byteLength, 0)
    const row = (metric: string, value: number): BenchRow => singleRow(scenario, metric, value)
    const MB = 2 ** 20
    return [
      row('Redis memory per hour of session, hot (MB)', Math.round((hotBytes / MB / hours) * 100) / 100),
      row('Redis memory per hour of session, after archiving (B)', Math.round(archivedBytes / hours)),
      row("Redis keys the session's log leaves after archiving (B)", keyBytes),
      row('PostgreSQL growth per hour of session (MB)', Math.round((pgGrowth / MB / hours) * 100) / 100),
      row('log updates per hour of session (MB)', Math.round((logBytes / MB / hours) * 100) / 100),
    ]
  } finally {
    redis.disconnect()
    info.disconnect()
    await pool.end()
    await postgres.destroy()
    await redisServer.destroy()
  }
}
