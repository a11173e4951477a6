import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { roomKeys } from '@/server/redis/redisKeys'
import { startInProcessCollab, type InProcessCollab } from '../support/collabServers'
import { RedisCluster } from '../support/redisCluster'
import { synced } from '../support/providers'
import { continuousEditor } from '../support/continuousEditor'
import { expectEveryWriteEverywhereOnce, writeThroughPrimaryKill } from '../support/failoverLoad'

/**
 * Redis Cluster under failure: two collab servers on a real 6-node cluster,
 * a client on each writing continuously, while the primary that owns the
 * room's slot is killed with `kill -9` and its replica takes over. The
 * clients write before, and keep writing through the failover (~4 s with the
 * harness's 2 s node timeout): appends wait and retry, the sharded
 * subscribers move to the new primary and rooms catch up from its log.
 *
 * The writers pause for the instant of the kill, until every write is in
 * both clients (so appended) and the replica has acknowledged everything:
 * an append the primary acknowledged but had not replicated when it died is
 * lost from the log (asynchronous replication; the repair is not built yet,
 * see README "Failover and asynchronous replication"). Without the pause the test failed about once in ten runs
 * on a loaded machine, at its final checks (the likely cause, unconfirmed).
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
  "kill -9 of the room's primary while clients on two servers write: after the replica takes over, every write is in every client and in the log once",
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
    await writeThroughPrimaryKill(editors, {
      replicated: () => cluster.waitForReplication(primary),
      kill: () => cluster.stopNode(primary, 'SIGKILL'),
      replaced: async () => void (promoted = await cluster.waitForFailover(primary, key)),
    })
    expect(promoted).not.toBe(primary)
    await expectEveryWriteEverywhereOnce(editors, cluster.config, ROOM, (close) => cleanups.push(close))
  }
)
