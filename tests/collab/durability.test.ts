import { afterAll, afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { getRecordsMap } from '@/lib/binding/yRecords'
import { SqliteRoomStorage } from '@/server/storage/SqliteRoomStorage'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import type { RoomStorage } from '@/server/storage/RoomStorage'
import { spawnCollabProcess, tempDataDir, type CollabProcess, type StorageTarget } from '../support/collabServers'
import {
  COLLAB_MODES_WITH_CLUSTER,
  sharedRedisCluster,
  stopSharedRedisCluster,
  type CollabMode,
} from '../support/collabModes'
import { RedisServer } from '../support/redisServer'
import { addMembers } from '../support/members'
import { connectProvider, eventually, synced } from '../support/providers'
import { probes } from '../support/boardProbes'
import { drawTestShape } from '../support/boardProbes'
import { connectRedis } from '@/server/redis/redisConnection'

const ROOM = 'durable-room-1'
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
afterAll(stopSharedRedisCluster)

async function start(target: StorageTarget, port = 0): Promise<CollabProcess> {
  const server = await spawnCollabProcess(target, port)
  cleanups.push(() => server.stop('SIGKILL'))
  return server
}

/** The test's people, members of the room (servers decide with the directory's roles). */
const MEMBERS = ['user:alice', 'user:bob', 'user:reader', 'user:tester'].map((userId) => ({
  userId,
  role: 'interviewer' as const,
}))

/**
 * Where the servers of one test keep rooms: a temp DATA_DIR, a fresh
 * redis-server, or the file's Redis Cluster (emptied after the test).
 */
async function storageFor(mode: CollabMode): Promise<{ target: StorageTarget; open: () => RoomStorage }> {
  if (mode === 'embedded') {
    const data = tempDataDir()
    cleanups.push(data.remove)
    await addMembers({ dataDir: data.dir }, ROOM, MEMBERS)
    return { target: { dataDir: data.dir }, open: () => new SqliteRoomStorage({ dataDir: data.dir }) }
  }
  if (mode === 'cluster') {
    const cluster = await sharedRedisCluster()
    cleanups.push(() => cluster.flush())
    await addMembers({ redis: cluster.config }, ROOM, MEMBERS)
    return {
      target: { redis: cluster.config },
      open: () =>
        new RedisRoomStorage(connectRedis(cluster.config), { serverId: 'test-reader', prefix: cluster.config.prefix }),
    }
  }
  const redis = await RedisServer.start()
  cleanups.push(() => redis.destroy())
  await addMembers({ redis: redis.config }, ROOM, MEMBERS)
  return {
    target: { redis: redis.config },
    open: () =>
      new RedisRoomStorage(connectRedis(redis.config), { serverId: 'test-reader', prefix: redis.config.prefix }),
  }
}

/**
 * Alice draws 30 shapes, one update each; Bob watches. Once Bob has seen
 * them all, every one was broadcast, and the server broadcasts only what is
 * already durable in the log.
 */
async function drawAndWatch(url: string) {
  const alice = connectProvider(url, ROOM, { user: 'user:alice' })
  const bob = connectProvider(url, ROOM, { user: 'user:bob' })
  await Promise.all([synced(alice.provider), synced(bob.provider)])
  for (let i = 0; i < 30; i++) {
    drawTestShape(alice.doc, `shape:${i}`, { x: i * 10 })
  }
  await eventually(() => getRecordsMap(bob.doc).size === 32, 10_000, 'bob to see all shapes')
  const expected = getRecordsMap(alice.doc).toJSON()
  alice.destroy()
  bob.destroy()
  return expected
}

async function readRoom(url: string) {
  const reader = connectProvider(url, ROOM, { user: 'user:reader' })
  await synced(reader.provider)
  const records = getRecordsMap(reader.doc).toJSON()
  reader.destroy()
  return records
}

describe.each(COLLAB_MODES_WITH_CLUSTER)('%s mode', (mode) => {
  test.each([
    ['stopped cleanly (SIGTERM)', 'SIGTERM' as const],
    ['killed (kill -9)', 'SIGKILL' as const],
  ])(
    'a server %s and started again on the same storage serves the room identically; the log holds every update in order',
    async (_name, signal) => {
      const { target, open } = await storageFor(mode)
      const first = await start(target)
      const before = await drawAndWatch(first.url)
      await first.stop(signal)

      const second = await start(target)
      expect(await readRoom(second.url)).toEqual(before)
      await second.stop('SIGTERM')

      const storage = open()
      cleanups.push(() => storage.close())
      const log = await storage.readLog(ROOM)
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1))
      expect(log[0]!.author).toBe('system') // the server's seed
      const byAlice = log.filter((e) => e.author === 'user:alice')
      expect(byAlice.length).toBeGreaterThanOrEqual(30)
      for (let i = 1; i < log.length; i++) expect(log[i]!.time).toBeGreaterThanOrEqual(log[i - 1]!.time)
      expect(Math.abs(log.at(-1)!.time - Date.now())).toBeLessThan(60_000)

      // Replaying the log alone rebuilds the room: it is the source of truth.
      const replayed = new Y.Doc()
      for (const entry of log) Y.applyUpdate(replayed, entry.update)
      expect(getRecordsMap(replayed).toJSON()).toEqual(before)
    }
  )

  test('edits made while the server is down reach the server and others when it returns', async () => {
    const { target } = await storageFor(mode)
    const first = await start(target)
    const alice = connectProvider(first.url, ROOM, { user: 'user:alice' })
    const bob = connectProvider(first.url, ROOM, { user: 'user:bob' })
    cleanups.push(alice.destroy, bob.destroy)
    await Promise.all([synced(alice.provider), synced(bob.provider)])
    await first.stop('SIGKILL')

    probes(alice.doc, 'offline').set('alice', 'drew while the server was down')
    probes(bob.doc, 'offline').set('bob', 'so did I')

    const second = await start(target, first.port)
    await eventually(
      () =>
        probes(alice.doc, 'offline').get('bob') !== undefined && probes(bob.doc, 'offline').get('alice') !== undefined,
      15_000,
      'offline edits to merge'
    )
    alice.destroy()
    bob.destroy()
    const reader = connectProvider(second.url, ROOM)
    cleanups.push(reader.destroy)
    await synced(reader.provider)
    expect(probes(reader.doc, 'offline').toJSON()).toEqual({ alice: 'drew while the server was down', bob: 'so did I' })
  })
})
