/** The RoomStorage contract, run against the Redis store on a real `redis-server` (one per file, a key prefix per test). */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import { roomKeys } from '@/server/redis/redisKeys'
import { connectRedis, redisConfig } from '@/server/redis/redisConnection'
import { RedisServer } from '../support/redisServer'
import { describeRoomStorageContract } from './roomStorage.contract'
import { redisContractHandles } from './redisContractHandles'

let redis: RedisServer
beforeAll(async () => {
  redis = await RedisServer.start()
})
afterAll(async () => {
  await redis.destroy()
})

/** A connection whose commands fail after one reconnection attempt (the contract's closed-connection cases). */
const connect = (prefix: string) => connectRedis(redisConfig(redis.url, prefix), { maxRetriesPerRequest: 1 })

let tests = 0
describeRoomStorageContract('RedisRoomStorage', async () => {
  const prefix = `contract${++tests}:`
  const open = (serverId: string) => new RedisRoomStorage(connect(prefix), { serverId, prefix })
  return redisContractHandles(open)
})

describe('RedisRoomStorage: logs written before the byte counter', () => {
  test('logBytes counts an old log once, page by page, and appends keep the count from then on', async () => {
    const prefix = 'legacy:'
    const raw = connect(prefix)
    const storage = new RedisRoomStorage(connect(prefix), { serverId: 'a', prefix })
    try {
      // 2,500 entries as the previous release wrote them: stream and counter, no byte counter.
      const keys = roomKeys(prefix, 'old')
      const pipeline = raw.pipeline()
      let expected = 0
      for (let seq = 1; seq <= 2_500; seq++) {
        const update = Buffer.alloc(1 + (seq % 7), seq % 256)
        expected += update.byteLength
        pipeline.xadd(keys.log, `${seq}-0`, 't', String(seq), 'a', 'user:a', 'u', update)
      }
      pipeline.set(keys.seq, '2500')
      await pipeline.exec()
      expect(await raw.exists(keys.bytes)).toBe(0)
      expect(await storage.logBytes('old')).toBe(expected)
      expect(await raw.get(keys.bytes)).toBe(String(expected))
      await storage.appendUpdate('old', { time: 1, author: 'user:a', update: new Uint8Array(10) })
      expect(await storage.logBytes('old')).toBe(expected + 10)
      expect(
        (await storage.readLogPage('old', 2_499, { maxEntries: 5, maxBytes: 1_000 })).entries.map((e) => e.seq)
      ).toEqual([2_500, 2_501])
    } finally {
      raw.disconnect()
      await storage.close()
    }
  })
})
