/**
 * The RoomStorage contract, run against the two-tier storage (Redis with
 * `DATABASE_URL`) on a real `redis-server` and PostgreSQL, archiving every
 * third append so that each read joins the archived prefix and the tail.
 */
import { afterAll, beforeAll } from 'vitest'
import { RedisServer } from '../support/redisServer'
import { sharedPostgres, stopSharedPostgres } from '../support/postgres'
import { describeRoomStorageContract } from './roomStorage.contract'
import { openTieredStorages } from './tieredStorageHandles'

let redis: RedisServer
beforeAll(async () => {
  redis = await RedisServer.start()
})
afterAll(async () => {
  await redis.destroy()
  await stopSharedPostgres()
})

describeRoomStorageContract('TieredRoomStorage (Redis + PostgreSQL, archiving every second append)', async () => {
  const tiers = await openTieredStorages(redis.config, await sharedPostgres())
  const storage = tiers.open()
  return { storage, another: async () => tiers.open(), destroy: () => tiers.destroy() }
})
