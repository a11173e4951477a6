import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { roomKeys } from '@/server/redis/redisKeys'
import { startInProcessCollab, type InProcessCollab } from '../support/collabServers'
import { RedisCluster } from '../support/redisCluster'
import { synced } from '../support/providers'
import { continuousEditor } from '../support/continuousEditor'
import { expectEveryWriteEverywhereOnce, writeThroughUnreplicatedKill } from '../support/failoverLoad'

/**
 * Redis Cluster under failure: two collab servers on a real 6-node cluster,
 * a client on each writing every 15 ms and never pausing, while the primary
 * that owns the room's slot acknowledges appends its replica never gets (the
 * asynchronous-replication window, made certain and 400 ms wide: see
 * `writeThroughUnreplicatedKill`), is killed with `kill -9`, and the replica
 * takes over (~4 s with the harness's 2 s node timeout) without those
 * entries, numbering the next appends with their sequence numbers again.
 * Appends wait and retry meanwhile; each server finds its log fence gone,
 * repairs the log from its doc (`server/rooms/LogRepair.ts`) and follows the
 * log again from its new end. Every write must end up in both clients and in
 * the log, exactly once.
 */
const ROOM = 'cluster-failover-01'
let cluster: RedisCluster
const cleanups: (() => Promise<unknown> | unknown)[] = []
beforeAll(async () => {
  cluster = await RedisCluster.start()
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
afterAll(async () => {
  await cluster?.destroy()
})

function editor(url: string, name: string) {
  return continuousEditor(url, ROOM, name, (close) => cleanups.push(close))
}

test(
  "kill -9 of the room's primary while clients on two servers write, its last appends unreplicated: after the replica takes over, every write is in every client and in the log once",
  { timeout: 90_000 },
  async () => {
    const servers: InProcessCollab[] = []
    for (let i = 0; i < 2; i++) {
      const server = await startInProcessCollab({ redis: cluster.config })
      cleanups.push(() => server.close())
      servers.push(server)
    }
    const editors = [editor(servers[0]!.url, 'a'), editor(servers[1]!.url, 'b')]
    await Promise.all(editors.map((e) => synced(e.provider)))
    const key = roomKeys(cluster.config.prefix, ROOM).log
    const primary = await cluster.primaryOf(key)
    let promoted = primary
    const { lost } = await writeThroughUnreplicatedKill(
      editors,
      {
        primary,
        replica: await cluster.replicaOf(primary),
        cluster: true,
        pidOf: (port) => cluster.pidOf(port),
        cli: (port, ...args) => cluster.cli(port, ...args),
        kill: () => cluster.stopNode(primary, 'SIGKILL'),
        replaced: async () => void (promoted = await cluster.waitForFailover(primary, key)),
      },
      key
    )
    expect(promoted).not.toBe(primary)
    expect(lost, 'log entries the promoted replica lacked').toBeGreaterThan(5)
    await expectEveryWriteEverywhereOnce(editors, cluster.config, ROOM, (close) => cleanups.push(close))
  }
)
