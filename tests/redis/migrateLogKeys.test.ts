/** The start-up move of old-layout session and presence log keys under their room's hash tag (one node). */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Redis } from 'ioredis'
import pino from 'pino'
import { migrateLogKeys } from '@/server/redis/migrateLogKeys'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import { roomLogKey } from '@/server/storage/roomLogKey'
import { RedisServer } from '../support/redisServer'

let redis: RedisServer
beforeAll(async () => {
  redis = await RedisServer.start()
})
afterAll(async () => {
  await redis?.destroy()
})

test('old {room.log} keys move to {room}.log, board keys stay, a second run moves nothing', async () => {
  const raw = new Redis(redis.url)
  const storage = new RedisRoomStorage(new Redis(redis.url), { serverId: 'a', prefix: 'mb:' })
  const logger = pino({ level: 'silent' })
  try {
    // As the previous release wrote them.
    await raw.xadd('mb:{room1.presence}:log', '1-0', 't', '5', 'a', 'user:a', 'u', Buffer.from([7]))
    await raw.set('mb:{room1.presence}:seq', '1')
    await raw.set('mb:{room1.presence}:bytes', '1')
    await raw.hset('mb:{room1.session}:snap', 'seq', '3', 'data', Buffer.from([1]))
    await storage.appendUpdate('room1', { time: 1, author: 'user:a', update: new Uint8Array([2]) })

    expect(await migrateLogKeys(raw, 'mb:', logger)).toBe(4)
    expect((await raw.keys('mb:*')).sort()).toEqual([
      'mb:{room1}.presence:bytes',
      'mb:{room1}.presence:log',
      'mb:{room1}.presence:seq',
      'mb:{room1}.session:snap',
      'mb:{room1}:bytes',
      'mb:{room1}:log',
      'mb:{room1}:seq',
    ])
    const presence = await storage.readLog(roomLogKey('room1', 'presence'))
    expect(presence.map((e) => [e.seq, e.author, [...e.update]])).toEqual([[1, 'user:a', [7]]])
    expect(
      await storage.appendUpdate(roomLogKey('room1', 'presence'), { time: 9, author: 'b', update: new Uint8Array([1]) })
    ).toBe(2)
    expect((await storage.loadRoom(roomLogKey('room1', 'session'))).snapshot?.seq).toBe(3)
    expect(await migrateLogKeys(raw, 'mb:', logger)).toBe(0)
  } finally {
    raw.disconnect()
    await storage.close()
  }
})
