/**
 * The README's example deployment, end to end: two collab servers on a real
 * 6-node Redis Cluster with PostgreSQL (`DATABASE_URL`) behind nginx with
 * room affinity (the README's own nginx configuration), as `Running at
 * scale` describes it. Two people draw through the balancer, a room's board
 * and session sockets on one server; the room goes idle and its log moves to PostgreSQL (Redis
 * keeps no stream for it); the server holding the room goes away and its
 * clients carry on through the other one; an edit after the archive is
 * durable; a newcomer loads the room from PostgreSQL plus the Redis tail with
 * every edit, and the log audits clean (nothing twice).
 */
import { afterAll, afterEach, expect, test } from 'vitest'
import { roomKeys } from '@/server/redis/redisKeys'
import { roomLogKey } from '@/server/storage/roomLogKey'
import type { RoomDoc } from '@/lib/access/roles'
import { connectRedis } from '@/server/redis/redisConnection'
import { startInProcessCollab, type InProcessCollab } from '../support/collabServers'
import { sharedRedisCluster, stopSharedRedisCluster } from '../support/collabModes'
import { sharedPostgres, stopSharedPostgres } from '../support/postgres'
import { LoadBalancer } from '../support/loadBalancer'
import { connectProvider, eventually, synced } from '../support/providers'
import { probes } from '../support/boardProbes'
import { auditLog } from '../support/logAudit'

const olga = { userId: 'guest:olga', name: 'Olga' }
const cid = { userId: 'guest:cid', name: 'Cid' }
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
afterAll(async () => {
  await stopSharedRedisCluster()
  await stopSharedPostgres()
})

test('two collab servers, a Redis Cluster and PostgreSQL behind nginx: draw, archive, lose a server, draw on, reload', async () => {
  const cluster = await sharedRedisCluster()
  cleanups.push(() => cluster.flush())
  const postgres = await sharedPostgres()
  const database = await postgres.createDatabase()
  const env = { DATABASE_URL: database, ARCHIVE_IDLE_MS: '1000' }
  const servers: InProcessCollab[] = []
  for (let i = 0; i < 2; i++) {
    const server = await startInProcessCollab({ redis: cluster.config }, { checkMembers: true, env })
    cleanups.push(() => server.close())
    servers.push(server)
  }
  const lb = await LoadBalancer.start(servers.map((s) => s.port))
  cleanups.push(() => lb.stop())
  const { roomId, invites } = await servers[0]!.stack.access.createRoom(olga)
  await servers[1]!.stack.access.acceptInvite(invites.candidate, cid)

  const open = (url: string, user: string, role: 'interviewer' | 'candidate', roomDoc: RoomDoc = 'board') => {
    const client = connectProvider(url, roomId, { user, role, roomDoc })
    cleanups.push(() => client.destroy())
    return client
  }
  const a = open(lb.url, olga.userId, 'interviewer')
  const b = open(lb.url, cid.userId, 'candidate')
  const session = open(lb.url, cid.userId, 'candidate', 'session')
  await Promise.all([synced(a.provider), synced(b.provider), synced(session.provider)])
  // nginx hashes the room id, not the path: the board's and the session's sockets meet on one server.
  const holders = (key: string) => servers.flatMap((s, i) => (s.collab.rooms.has(key) ? [i] : []))
  expect(holders(roomId)).toHaveLength(1)
  expect(holders(roomLogKey(roomId, 'session'))).toEqual(holders(roomId))
  probes(a.doc, 'edits').set('olga-1', 1)
  probes(b.doc, 'edits').set('cid-1', 1)
  await eventually(() => probes(a.doc, 'edits').size === 2 && probes(b.doc, 'edits').size === 2, 10_000, 'both edits')

  // Idle for ARCHIVE_IDLE_MS: the board's log moves to PostgreSQL and its Redis stream goes.
  const name = database.split('/').at(-1)!
  const archived = async () =>
    Number(
      (
        await postgres.query<{ n: string }>(
          `SELECT count(*) AS n FROM room_log_entries WHERE log_key = '${roomId}'`,
          name
        )
      )[0]!.n
    )
  const redis = connectRedis(cluster.config)
  cleanups.push(() => redis.disconnect())
  const logKey = roomKeys(cluster.config.prefix, roomId).log
  const deadline = Date.now() + 30_000
  while ((await archived()) === 0 || (await redis.exists(logKey)) === 1) {
    if (Date.now() > deadline) throw new Error('the idle log was never archived')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }

  // The server that holds the room goes away; nginx sends its clients to the other one, and they draw on.
  const home = servers.findIndex((s) => s.collab.rooms.has(roomId))
  expect(home).toBeGreaterThanOrEqual(0)
  await servers[home]!.close()
  probes(a.doc, 'edits').set('olga-2', 2)
  probes(b.doc, 'edits').set('cid-2', 2)
  await eventually(() => probes(a.doc, 'edits').size === 4 && probes(b.doc, 'edits').size === 4, 30_000, 'edits after')

  // A newcomer on the surviving server loads the room (PostgreSQL, then the Redis tail) with every edit.
  const survivor = servers[1 - home]!
  const c = open(survivor.url, olga.userId, 'interviewer')
  await synced(c.provider)
  expect([...probes(c.doc, 'edits').keys()].sort()).toEqual(['cid-1', 'cid-2', 'olga-1', 'olga-2'])
  const { doc, duplicates } = auditLog(await survivor.storage.readLog(roomId))
  expect(duplicates).toEqual([])
  expect([...probes(doc, 'edits').keys()].sort()).toEqual(['cid-1', 'cid-2', 'olga-1', 'olga-2'])
  expect(await archived()).toBeGreaterThan(0)
  // The sockets to the server that went are logged, by path: no ticket (a query string) in nginx's log.
  expect(lb.accessLog()).toContain(`/collab/${roomId}`)
  expect(lb.accessLog()).not.toContain('?')
})
