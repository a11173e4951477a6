/**
 * Redis Cluster specifics on a real 6-node cluster (one per file): every key
 * of a room lands in the room's slot, room fan-out travels over sharded
 * pub/sub (and only there), the directory's writes that span slots work, and
 * the reconnect's batched read of every room's log head spans slots too.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import pino from 'pino'
import { RedisRoomBus } from '@/server/redis/RedisRoomBus'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import { readLogHeads } from '@/server/redis/logHeads'
import { RedisRoomDirectory } from '@/server/access/RedisRoomDirectory'
import { RoomAccess } from '@/server/access/RoomAccess'
import { globalKeys, roomDataKeys, roomKeys } from '@/server/redis/redisKeys'
import { roomLogKey, ROOM_LOGS } from '@/server/storage/roomLogKey'
import { connectRedis, scanAll, type RedisClient } from '@/server/redis/redisConnection'
import type { RoomBusHandlers } from '@/server/rooms/RoomBus'
import { RedisCluster } from '../support/redisCluster'
import { eventually } from '../support/providers'

const PREFIX = 'mb:'
let cluster: RedisCluster
const clients: RedisClient[] = []

function connect(role: 'storage' | 'publisher' | 'subscriber' | 'tool'): RedisClient {
  const client = connectRedis(cluster.config, { name: role, subscriber: role === 'subscriber' })
  clients.push(client)
  return client
}

beforeAll(async () => {
  cluster = await RedisCluster.start()
})
afterAll(async () => {
  for (const client of clients) client.disconnect()
  await cluster?.destroy()
})

async function slotOf(key: string): Promise<number> {
  return Number((await cluster.cli(cluster.ports[0]!, 'cluster', 'keyslot', key)).trim())
}

describe('Redis Cluster layout', () => {
  test("every key and channel of a room, in all its logs, shares the room's slot", async () => {
    const room = 'Zq3k9w8XyB1c2d3e4f5g6h'
    const names = [
      ...ROOM_LOGS.flatMap((log) => Object.values(roomKeys(PREFIX, roomLogKey(room, log)))),
      ...Object.values(roomDataKeys(PREFIX, room)).map((k) => (typeof k === 'string' ? k : k('sess-1'))),
    ]
    expect(names.length).toBeGreaterThan(25)
    const slots = new Set(await Promise.all(names.map(slotOf)))
    expect([...slots]).toEqual([await slotOf(`{${room}}`)])
    // Two rooms usually land apart: the tag really is the room id.
    expect(await slotOf(roomKeys(PREFIX, 'another-room').log)).not.toBe([...slots][0])
  })

  test('updates and awareness cross servers over sharded pub/sub, on the shard that owns the room', async () => {
    const logger = pino({ level: 'silent' })
    const storage = new RedisRoomStorage(connect('storage'), { serverId: 'a', prefix: PREFIX })
    const busA = new RedisRoomBus(connect('publisher'), connect('subscriber'), {
      serverId: 'a',
      prefix: PREFIX,
      logger,
    })
    const busB = new RedisRoomBus(connect('publisher'), connect('subscriber'), {
      serverId: 'b',
      prefix: PREFIX,
      logger,
    })
    const heard: { seq: number; bytes: number[] }[] = []
    const awareness: string[] = []
    const resyncs: number[] = []
    const handlers = (into: typeof heard): RoomBusHandlers => ({
      onUpdate: (seq, update) => into.push({ seq, bytes: [...update] }),
      onAwareness: (update, from) => awareness.push(`${from}:${[...update]}`),
      onResync: () => resyncs.push(Date.now()),
      onHead: () => undefined,
      onReconnected: () => undefined,
      onServerJoined: () => undefined,
      onServerGone: () => undefined,
    })
    const room = 'fanout-room'
    const channelA = await busA.join(room, handlers([]))
    await busB.join(room, handlers(heard))

    const started = Date.now()
    await storage.appendUpdate(room, { time: Date.now(), author: 'user:a', update: new Uint8Array([1, 2, 3]) })
    await eventually(() => heard.length === 1, 2_000, 'B to hear the append')
    // Well before the 5 s catch-up from the log: it came over the bus.
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(heard[0]).toEqual({ seq: 1, bytes: [1, 2, 3] })

    channelA.publishAwareness(new Uint8Array([9]))
    await eventually(() => awareness.length === 1, 2_000, 'B to hear awareness')
    expect(awareness).toEqual(['a:9'])

    // Subscribed as shard channels on the room's primary, not as global channels.
    const keys = roomKeys(PREFIX, room)
    const owner = await cluster.primaryOf(keys.log)
    expect(await cluster.cli(owner, 'pubsub', 'shardnumsub', keys.updates)).toMatch(new RegExp(`${keys.updates}\\s+2`))
    expect(await cluster.cli(owner, 'pubsub', 'numsub', keys.updates)).toMatch(new RegExp(`${keys.updates}\\s+0`))
    await Promise.all([busA.close(), busB.close(), storage.close()])
  })

  test('the directory works across slots: rooms, invites, rotation, the user index and its backfill', async () => {
    const redis = connect('storage')
    const directory = new RedisRoomDirectory(redis, 'dir:')
    const access = new RoomAccess(directory, () => undefined)
    const owner = { userId: 'guest:owner', name: 'Olga' }
    const { roomId, invites } = await access.createRoom(owner)
    expect(await directory.resolveInvite(invites.candidate)).toEqual({ roomId, role: 'candidate' })
    const rotated = await directory.rotateInvite(roomId, 'candidate')
    expect(await directory.resolveInvite(invites.candidate)).toBeNull()
    expect(await directory.resolveInvite(rotated)).toEqual({ roomId, role: 'candidate' })
    await directory.putMember(roomId, { userId: 'guest:bob', name: 'Bob', role: 'observer', joinedAt: 1 })
    expect((await directory.listRoomsOf('guest:bob')).map((r) => r.room.roomId)).toEqual([roomId])

    // The backfill scans every primary, so it finds rooms in all slots.
    const rooms = [
      roomId,
      ...(await Promise.all([1, 2, 3, 4, 5].map(async () => (await access.createRoom(owner)).roomId))),
    ]
    await redis.del(globalKeys.userRooms('dir:', owner.userId))
    await directory.backfillUserIndex()
    expect((await directory.listRoomsOf(owner.userId)).map((r) => r.room.roomId).sort()).toEqual([...rooms].sort())
    const owners = new Set(await Promise.all(rooms.map((r) => cluster.primaryOf(roomDataKeys('dir:', r).members))))
    expect(owners.size).toBeGreaterThan(1)
    expect((await scanAll(redis, 'dir:{*}:members')).length).toBe(rooms.length)

    await directory.deleteRoom(roomId)
    expect(await directory.resolveInvite(rotated)).toBeNull()
  })

  test("the reconnect's batched head read covers rooms on every primary", async () => {
    const storage = new RedisRoomStorage(connect('storage'), { serverId: 'a', prefix: PREFIX })
    const rooms = Array.from({ length: 8 }, (_, i) => `heads-room-${i}`)
    for (const [i, room] of rooms.entries()) {
      for (let n = 0; n <= i; n++) {
        await storage.appendUpdate(room, { time: Date.now(), author: 'user:a', update: new Uint8Array([n]) })
      }
    }
    const owners = new Set(await Promise.all(rooms.map((room) => cluster.primaryOf(roomKeys(PREFIX, room).log))))
    expect(owners.size).toBeGreaterThan(1)
    const heads = await readLogHeads(connect('tool'), PREFIX, [...rooms, 'never-written'])
    expect(Object.fromEntries(heads)).toEqual({
      ...Object.fromEntries(rooms.map((room, i) => [room, i + 1])),
      'never-written': 0,
    })
    await storage.close()
  })
})
