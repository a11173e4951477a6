import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { startInProcessCollab, type InProcessCollab } from '../support/collabServers'
import { RedisSentinel } from '../support/redisSentinel'
import { connectProvider, eventually, synced } from '../support/providers'
import { continuousEditor } from '../support/continuousEditor'
import { expectEveryWriteEverywhereOnce, writeThroughUnreplicatedKill } from '../support/failoverLoad'
import { roomKeys } from '@/server/redis/redisKeys'
import { probes } from '../support/boardProbes'

/**
 * Sentinel mode (`REDIS_SENTINELS`, `REDIS_SENTINEL_NAME`) on a real
 * deployment shared by the file: a primary, one replica and three Sentinels
 * (quorum 2, a primary silent for 1 s is down). Two collab servers find the
 * primary through the Sentinels; writer on A, reader on B.
 *
 * The failover test kills the primary with `kill -9` while clients on both
 * servers write every 15 ms, never pausing, after the primary acknowledged
 * 400 ms of appends its replica never got (the asynchronous-replication
 * window, made certain: see `writeThroughUnreplicatedKill`). The Sentinels
 * promote the replica (~3 s) without those entries; appends fail or wait
 * meanwhile (rooms close their sockets, clients resend), ioredis asks the
 * Sentinels again, reaches the new primary and re-subscribes, and each server
 * finds its log fence gone and repairs the log from its doc
 * (`server/rooms/LogRepair.ts`). Not covered: a failover whose old primary
 * stays reachable (a partition, `SENTINEL FAILOVER`).
 */
const ROOM = 'sentinel-failover-01'
let sentinel: RedisSentinel
const cleanups: (() => Promise<unknown> | unknown)[] = []
beforeAll(async () => {
  sentinel = await RedisSentinel.start()
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
afterAll(async () => {
  await sentinel?.destroy()
})

async function twoServers(): Promise<InProcessCollab[]> {
  const servers: InProcessCollab[] = []
  for (let i = 0; i < 2; i++) {
    const server = await startInProcessCollab({ redis: sentinel.config })
    cleanups.push(() => server.close())
    servers.push(server)
  }
  return servers
}

test('two collab servers on Sentinel sync a writer on A and a reader on B', async () => {
  const [a, b] = await twoServers()
  const writer = connectProvider(a!.url, 'sentinel-sync-01', { user: 'user:writer' })
  const reader = connectProvider(b!.url, 'sentinel-sync-01', { user: 'user:reader' })
  cleanups.push(writer.destroy, reader.destroy)
  await Promise.all([synced(writer.provider), synced(reader.provider)])
  probes(writer.doc, 'probe').set('hello', 'from A')
  await eventually(() => probes(reader.doc, 'probe').get('hello') === 'from A', 5_000, 'the write on B')
})

test(
  'kill -9 of the primary while clients on two servers write, its last appends unreplicated: after the Sentinels promote the replica, every write is in every client and in the log once',
  { timeout: 60_000 },
  async () => {
    const servers = await twoServers()
    const editors = servers.map((s, i) => continuousEditor(s.url, ROOM, `w${i}`, (close) => cleanups.push(close)))
    await Promise.all(editors.map((e) => synced(e.provider)))
    const primary = await sentinel.primaryPort()
    let promoted = primary
    const { lost } = await writeThroughUnreplicatedKill(
      editors,
      {
        primary,
        replica: sentinel.replicaOf(primary),
        cluster: false,
        pidOf: (port) => sentinel.pidOf(port),
        cli: (port, ...args) => sentinel.cli(port, ...args),
        kill: () => sentinel.stopNode(primary, 'SIGKILL'),
        replaced: async () => void (promoted = await sentinel.waitForFailover(primary)),
      },
      roomKeys(sentinel.config.prefix, ROOM).log
    )
    expect(promoted).not.toBe(primary)
    expect(lost, 'log entries the promoted replica lacked').toBeGreaterThan(5)
    await expectEveryWriteEverywhereOnce(editors, sentinel.config, ROOM, (close) => cleanups.push(close))
    // Both servers' subscribers moved to the new primary and re-subscribed: heartbeat, access, log heads, the room's up and aw.
    expect(await sentinel.subscriptions(promoted, 'mockboard-subscriber')).toEqual([5, 5])
  }
)
