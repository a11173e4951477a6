/** The RoomStorage contract, run against the Redis store on a real `redis-server` (one per file, a key prefix per test). */
import { afterAll, beforeAll } from 'vitest'
import { Redis } from 'ioredis'
import type { RoomStorage } from '@/server/storage/RoomStorage'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import { RedisServer } from '../support/redisServer'
import { describeRoomStorageContract } from './roomStorage.contract'

let redis: RedisServer
beforeAll(async () => {
  redis = await RedisServer.start()
})
afterAll(async () => {
  await redis.destroy()
})

let tests = 0
describeRoomStorageContract('RedisRoomStorage', async () => {
  const prefix = `contract${++tests}:`
  const connect = (serverId: string) =>
    new RedisRoomStorage(
      new Redis(redis.url, { maxRetriesPerRequest: 1 }).on('error', () => undefined),
      {
        serverId,
        prefix,
      }
    )
  const storage = connect('a')
  const handles: RoomStorage[] = [storage]
  return {
    storage,
    // Another server: its own connection, the same Redis and prefix.
    another: async () => {
      const other = connect('b')
      handles.push(other)
      return other
    },
    destroy: async () => {
      for (const handle of handles) await handle.close()
    },
  }
})
