import { expect } from 'vitest'
import { Redis } from 'ioredis'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import { connectRedis, type RedisConfig } from '@/server/redis/redisConnection'
import { writtenKeys, type ContinuousEditor } from './continuousEditor'
import { eventually } from './providers'
import { auditLog } from './logAudit'
import { probes } from './boardProbes'

/** A primary and its replica in one of the Redis harnesses (`RedisCluster`, `RedisSentinel`). */
export interface ReplicatedPair {
  primary: number
  replica: number
  /** True on a cluster (reading a replica there needs `READONLY`). */
  cluster: boolean
  /** The PID of the process on a port. */
  pidOf(port: number): number | null
  /** Sends one command to the node on a port. */
  cli(port: number, ...args: string[]): Promise<string>
  /** Kills the primary (`kill -9`). */
  kill(): Promise<void>
  /** Resolves once a replica has taken over. */
  replaced(): Promise<void>
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The load of the loss-window failover tests: `editors` write every 15 ms
 * all along, never paused, while the primary holding `logKey` is made to
 * acknowledge appends its replica never gets, and is killed with `kill -9`.
 *
 * A window that asynchronous replication leaves by chance (microseconds on
 * loopback) is made certain and wide: the replica is frozen (`SIGSTOP`) and
 * the primary drops its link to it (`CLIENT KILL TYPE replica`), so for
 * `windowMs` the primary appends, announces and acknowledges every write, and
 * none reaches the replica (what a replica link hiccup or lag does). Then the
 * primary is killed, the replica thawed (`SIGCONT`) and promoted. Checks
 * that the promoted replica's log really lacks entries the primary had
 * (`lost`), so the test covers the loss it is for. The writers go on for 1 s
 * after the takeover.
 */
export async function writeThroughUnreplicatedKill(
  editors: ContinuousEditor[],
  pair: ReplicatedPair,
  logKey: string,
  windowMs = 400
): Promise<{ lost: number }> {
  for (const e of editors) e.start()
  await pause(500)
  const replicaPid = pair.pidOf(pair.replica)!
  let onPrimary: number
  process.kill(replicaPid, 'SIGSTOP')
  try {
    await pair.cli(pair.primary, 'client', 'kill', 'type', 'replica')
    await pause(windowMs)
    onPrimary = Number((await pair.cli(pair.primary, 'xlen', logKey)).trim())
    await pair.kill()
  } finally {
    process.kill(replicaPid, 'SIGCONT')
  }
  // The thawed replica first reads what its socket still held, then finds its primary gone.
  await pause(200)
  const onReplica = await logLength(pair.replica, logKey, pair.cluster)
  const started = Date.now()
  await pair.replaced()
  expect(Date.now() - started).toBeLessThan(20_000)
  await pause(1_000)
  for (const e of editors) e.stop()
  return { lost: onPrimary - onReplica }
}

/** Entries of the stream `key` on the node at `port` (a replica too). */
async function logLength(port: number, key: string, cluster: boolean): Promise<number> {
  const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1, lazyConnect: true })
  client.on('error', () => undefined)
  try {
    await client.connect()
    if (cluster) await client.call('READONLY')
    return await client.xlen(key)
  } finally {
    client.disconnect()
  }
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
