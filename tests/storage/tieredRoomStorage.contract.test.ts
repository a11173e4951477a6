/**
 * The RoomStorage contract, run against the two-tier storage (Redis with
 * `DATABASE_URL`) on a real `redis-server` and PostgreSQL, archiving every
 * third append so that each read joins the archived prefix and the tail.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { LogFenceError } from '@/server/storage/logFence'
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

test('keeps the Redis log fence: an append under a fence the log lost is refused, so failover repair runs in this mode', async () => {
  const tiers = await openTieredStorages(redis.config, await sharedPostgres())
  try {
    const storage = tiers.open()
    const fence = storage.logFence!
    await fence.arm('room-fenced', 'token-a')
    const entry = { time: 1, author: 'user:a', update: new Uint8Array([0, 0]) }
    expect(await storage.appendUpdate('room-fenced', { ...entry, fence: { token: 'token-a' } })).toBe(1)
    await expect(storage.appendUpdate('room-fenced', { ...entry, fence: { token: 'token-b' } })).rejects.toBeInstanceOf(
      LogFenceError
    )
  } finally {
    await tiers.destroy()
  }
})
