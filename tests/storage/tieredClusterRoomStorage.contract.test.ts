/**
 * The RoomStorage contract for the two-tier storage on a real Redis Cluster
 * (3 primaries, 3 replicas) and PostgreSQL, archiving every second append:
 * the archive marker shares the room's slot, so the trim script and the
 * reads' `MULTI` run on the primary that owns the room.
 */
import { afterAll, beforeAll } from 'vitest'
import { RedisCluster } from '../support/redisCluster'
import { sharedPostgres, stopSharedPostgres } from '../support/postgres'
import { describeRoomStorageContract } from './roomStorage.contract'
import { openTieredStorages } from './tieredStorageHandles'

let cluster: RedisCluster
beforeAll(async () => {
  cluster = await RedisCluster.start()
})
afterAll(async () => {
  await cluster?.destroy()
  await stopSharedPostgres()
})

describeRoomStorageContract('TieredRoomStorage on a Redis Cluster and PostgreSQL', async () => {
  const tiers = await openTieredStorages(cluster.config, await sharedPostgres())
  const storage = tiers.open()
  return { storage, another: async () => tiers.open(), destroy: () => tiers.destroy() }
})
