/**
 * The RoomStorage contract on a real Redis Cluster (3 primaries, 3 replicas;
 * one per file, a key prefix per test): the append, page and byte-count
 * scripts run on the primary owning the room's slot.
 */
import { afterAll, beforeAll } from 'vitest'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import { connectRedis } from '@/server/redis/redisConnection'
import { RedisCluster } from '../support/redisCluster'
import { describeRoomStorageContract } from './roomStorage.contract'
import { redisContractHandles } from './redisContractHandles'

let cluster: RedisCluster
beforeAll(async () => {
  cluster = await RedisCluster.start()
})
afterAll(async () => {
  await cluster?.destroy()
})

let tests = 0
describeRoomStorageContract('RedisRoomStorage on a Redis Cluster', async () => {
  const prefix = `contract${++tests}:`
  const connect = (serverId: string) =>
    new RedisRoomStorage(connectRedis(cluster.config, { name: 'storage', maxRetriesPerRequest: 1 }), {
      serverId,
      prefix,
    })
  return redisContractHandles(connect)
})
