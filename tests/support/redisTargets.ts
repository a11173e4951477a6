import {
  connectRedis,
  parseRedisNodes,
  type RedisClient,
  type RedisRole,
  type RedisTarget,
} from '@/server/redis/redisConnection'

/** A Redis deployment tests point servers at: one node by URL, or a cluster by its seed nodes. */
export type RedisStorageTarget =
  { redisUrl: string; serverId?: string } | { redisClusterNodes: string; serverId?: string }

/** The server-side description of `target` (what `REDIS_URL` / `REDIS_CLUSTER_NODES` would give). */
export function redisTargetOfTest(target: RedisStorageTarget): RedisTarget {
  return 'redisUrl' in target
    ? { kind: 'single', url: target.redisUrl }
    : { kind: 'cluster', nodes: parseRedisNodes(target.redisClusterNodes) }
}

/** A connection to `target` made the way servers make theirs, with errors swallowed (tests kill Redis on purpose). */
export function connectTestRedis(target: RedisStorageTarget, role: RedisRole = 'tool'): RedisClient {
  const client = connectRedis(redisTargetOfTest(target), role)
  client.on('error', () => undefined)
  return client
}

/** The environment a spawned server needs to use `target`. */
export function redisEnv(target: RedisStorageTarget): Record<string, string> {
  return 'redisUrl' in target ? { REDIS_URL: target.redisUrl } : { REDIS_CLUSTER_NODES: target.redisClusterNodes }
}
