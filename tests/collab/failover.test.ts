import { afterEach, describe, expect, test } from 'vitest'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import { spawnCollabProcess, type CollabProcess } from '../support/collabServers'
import { LoadBalancer } from '../support/loadBalancer'
import { connectProvider, eventually, synced } from '../support/providers'
import { RedisServer } from '../support/redisServer'
import { auditLog } from '../support/logAudit'
import { addMembers } from '../support/members'
import { probes } from '../support/boardProbes'
import { continuousEditor, writtenKeys, type ContinuousEditor } from '../support/continuousEditor'
import { connectRedis, type RedisConfig } from '@/server/redis/redisConnection'

/**
 * Redis mode under failure: two collab server processes on one real
 * redis-server, behind nginx with room affinity, and clients that keep
 * editing while servers die, Redis restarts or pub/sub connections drop.
 */
const ROOM = 'failover-room-01'
const cleanups: (() => Promise<unknown> | unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup() {
  const redis = await RedisServer.start()
  cleanups.push(() => redis.destroy())
  // The servers decide with the members' current roles: register the test's people.
  const people = ['lb1', 'lb2', 'direct', 'a', 'b', 'tester'].map((name) => ({
    userId: `user:${name}`,
    role: 'interviewer' as const,
  }))
  await addMembers({ redis: redis.config }, ROOM, people)
  const servers: CollabProcess[] = []
  for (let i = 0; i < 2; i++) {
    const server = await spawnCollabProcess({ redis: redis.config })
    cleanups.push(() => server.stop('SIGKILL'))
    servers.push(server)
  }
  const lb = await LoadBalancer.start(servers.map((s) => s.port))
  cleanups.push(() => lb.stop())
  return { redis, servers, lb }
}

async function roomsLoaded(server: CollabProcess): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text()
  return Number(/^mockboard_rooms_loaded (\d+)/m.exec(text)?.[1] ?? 0)
}

function editor(url: string, name: string) {
  return continuousEditor(url, ROOM, name, (close) => cleanups.push(close))
}

type Editor = ContinuousEditor

/** Waits until every client holds every edit, then checks the Redis log has each exactly once. */
async function expectEveryEditEverywhereOnce(editors: Editor[], redis: RedisConfig) {
  for (const e of editors) e.stop()
  const expected = writtenKeys(editors)
  for (const e of editors) {
    await eventually(() => probes(e.doc, 'edits').size === expected.length, 20_000, `${e.name} to converge`)
    expect([...probes(e.doc, 'edits').keys()].sort()).toEqual(expected)
  }
  const storage = new RedisRoomStorage(connectRedis(redis), { serverId: 'audit', prefix: redis.prefix })
  cleanups.push(() => storage.close())
  const { doc, duplicates } = auditLog(await storage.readLog(ROOM))
  expect(duplicates).toEqual([])
  expect([...probes(doc, 'edits').keys()].sort()).toEqual(expected)
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('redis mode under failure', () => {
  test.each([
    ['killed (kill -9)', 'SIGKILL' as const],
    ['stopped gracefully (SIGTERM)', 'SIGTERM' as const],
  ])(
    'a server %s: its clients reconnect to the other server through the load balancer and nothing is lost',
    async (_name, signal) => {
      const { redis, servers, lb } = await setup()
      const viaLb = [editor(lb.url, 'lb1'), editor(lb.url, 'lb2')]
      await Promise.all(viaLb.map((e) => synced(e.provider)))
      // Room affinity put the room on one server; the other gets a direct client.
      const loads = await Promise.all(servers.map(roomsLoaded))
      expect(loads.sort()).toEqual([0, 1])
      const home = servers[(await roomsLoaded(servers[0]!)) === 1 ? 0 : 1]!
      const other = servers.find((s) => s !== home)!
      const direct = editor(other.url, 'direct')
      await synced(direct.provider)
      const editors = [...viaLb, direct]

      for (const e of editors) e.start()
      await pause(300)
      await home.stop(signal)
      await pause(1_500)
      await expectEveryEditEverywhereOnce(editors, redis.config)
      // The load balancer moved the room's clients to the surviving server.
      expect(await roomsLoaded(other)).toBe(1)
    }
  )

  test('Redis restarts mid-session: servers reconnect, clients resync, no edit lost or logged twice', async () => {
    const { redis, servers } = await setup()
    const editors = [editor(servers[0]!.url, 'a'), editor(servers[1]!.url, 'b')]
    await Promise.all(editors.map((e) => synced(e.provider)))
    for (const e of editors) e.start()
    await pause(300)
    await redis.stop('SIGKILL')
    await pause(1_000)
    await redis.restart()
    await pause(1_000)
    await expectEveryEditEverywhereOnce(editors, redis.config)
  })

  test('dropped pub/sub connections (CLIENT KILL TYPE pubsub): gaps are repaired from the stream', async () => {
    const { redis, servers } = await setup()
    const editors = [editor(servers[0]!.url, 'a'), editor(servers[1]!.url, 'b')]
    await Promise.all(editors.map((e) => synced(e.provider)))
    const admin = connectRedis(redis.config)
    cleanups.push(() => admin.disconnect())
    for (const e of editors) e.start()
    for (let i = 0; i < 3; i++) {
      await pause(150)
      await admin.client('KILL', 'TYPE', 'pubsub')
    }
    await pause(300)
    await expectEveryEditEverywhereOnce(editors, redis.config)
  })

  test("a server that dies has its clients' cursors removed on the other server within seconds", async () => {
    const { servers } = await setup()
    const onA = connectProvider(servers[0]!.url, ROOM)
    const onB = connectProvider(servers[1]!.url, ROOM)
    cleanups.push(onA.destroy, onB.destroy)
    await Promise.all([synced(onA.provider), synced(onB.provider)])
    onA.provider.awareness.setLocalState({ u: 'alice', p: 'page' })
    await eventually(() => onB.provider.awareness.getStates().has(onA.doc.clientID), 5_000, 'cursor on B')

    // A dies about a second after it started, which used to be before its first
    // heartbeat reached B: B had never heard of A, so never declared it gone and
    // A's cursors stayed for 30 s. Any message from A now counts as a heartbeat.
    await servers[0]!.stop('SIGKILL')
    onA.provider.disconnect() // the user on A is gone too (closed the laptop)
    // Client-side awareness would only expire it after 30 s; the servers' heartbeat does it in seconds.
    await eventually(() => !onB.provider.awareness.getStates().has(onA.doc.clientID), 10_000, 'cursor removed on B')
  })

  test('/readyz is not ready while Redis is down, and ready again after', async () => {
    const { redis, servers } = await setup()
    const ready = async () => (await fetch(`http://127.0.0.1:${servers[0]!.port}/readyz`)).status
    expect(await ready()).toBe(200)
    await redis.stop('SIGKILL')
    await eventually(() => false, 0).catch(() => undefined)
    expect(await ready()).toBe(503)
    await redis.restart()
    const start = Date.now()
    while ((await ready()) !== 200) {
      if (Date.now() - start > 15_000) throw new Error('never ready again')
      await pause(200)
    }
    expect(await (await fetch(`http://127.0.0.1:${servers[0]!.port}/healthz`)).text()).toBe('ok\n')
  })
})
