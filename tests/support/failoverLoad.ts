import { expect } from 'vitest'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import { connectRedis, type RedisConfig } from '@/server/redis/redisConnection'
import { writtenKeys, type ContinuousEditor } from './continuousEditor'
import { eventually } from './providers'
import { auditLog } from './logAudit'
import { probes } from './boardProbes'

/** The steps of a primary's failover, as a Redis test harness takes them. */
export interface PrimaryFailover {
  /** Resolves once the primary's replicas have acknowledged everything written so far. */
  replicated(): Promise<void>
  /** Kills the primary (`kill -9`). */
  kill(): Promise<void>
  /** Resolves once a replica has taken over. */
  replaced(): Promise<void>
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The load of the Redis failover tests (cluster, Sentinel): `editors` write
 * for 500 ms, then pause for the instant of the kill until every write is in
 * every editor (so appended: none in flight) and the replica has everything
 * (a write the primary acknowledged but had not replicated would be lost from
 * the log: the asynchronous-replication window, not covered), then write on
 * through the failover and for 1 s after it. The failover must take under 20 s.
 */
export async function writeThroughPrimaryKill(editors: ContinuousEditor[], failover: PrimaryFailover): Promise<void> {
  for (const e of editors) e.start()
  await pause(500)
  for (const e of editors) e.stop()
  // Every write so far is appended once every editor holds all of them (a
  // server forwards an update only after appending it): none is in flight.
  const written = writtenKeys(editors).length
  await eventually(
    () => editors.every((e) => probes(e.doc, 'edits').size === written),
    10_000,
    'writes before the kill'
  )
  await failover.replicated()
  await failover.kill()
  for (const e of editors) e.start()
  const started = Date.now()
  await failover.replaced()
  expect(Date.now() - started).toBeLessThan(20_000)
  await pause(1_000)
  for (const e of editors) e.stop()
}

/**
 * Waits until every editor holds every write (30 s at most), then decodes
 * `room`'s log in `redis` and checks it holds each write exactly once
 * ({@link auditLog}). `onCleanup` receives the audit connection's teardown.
 */
export async function expectEveryWriteEverywhereOnce(
  editors: ContinuousEditor[],
  redis: RedisConfig,
  room: string,
  onCleanup: (close: () => Promise<void>) => void
): Promise<void> {
  const expected = writtenKeys(editors)
  expect(expected.length).toBeGreaterThan(100)
  for (const e of editors) {
    // On a timeout the comparison below names the missing writes.
    await eventually(() => probes(e.doc, 'edits').size === expected.length, 30_000).catch(() => undefined)
    expect([...probes(e.doc, 'edits').keys()].sort(), `${e.name}'s writes`).toEqual(expected)
  }
  const storage = new RedisRoomStorage(connectRedis(redis), { serverId: 'audit', prefix: redis.prefix })
  onCleanup(() => storage.close())
  const { doc, duplicates } = auditLog(await storage.readLog(room))
  expect(duplicates).toEqual([])
  expect([...probes(doc, 'edits').keys()].sort()).toEqual(expected)
}
