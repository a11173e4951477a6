import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis'

/**
 * Where Redis is: one node (`REDIS_URL`) or a Redis Cluster given by seed
 * nodes (`REDIS_CLUSTER_NODES`). The only place that knows how to connect:
 * every server connection (storage, publisher, subscriber) and the tests'
 * helpers go through {@link connectRedis}.
 */
export type RedisTarget = { kind: 'single'; url: string } | { kind: 'cluster'; nodes: RedisNode[] }

/** One seed node of a cluster. */
export interface RedisNode {
  host: string
  port: number
}

/**
 * The Redis deployment a server configuration names (`REDIS_URL` or
 * `REDIS_CLUSTER_NODES`, never both), or undefined for the embedded store.
 */
export function redisTargetOf(config: {
  redisUrl?: string | undefined
  redisClusterNodes?: RedisNode[] | undefined
}): RedisTarget | undefined {
  if (config.redisClusterNodes?.length) return { kind: 'cluster', nodes: config.redisClusterNodes }
  if (config.redisUrl) return { kind: 'single', url: config.redisUrl }
  return undefined
}

/** A connection to either kind of deployment; both speak the same commands. */
export type RedisClient = Redis | Cluster

/** What a connection is for: subscribers in cluster mode get one sharded subscriber per primary. */
export type RedisRole = 'storage' | 'publisher' | 'subscriber' | 'tool'

/** Commands wait this many reconnect attempts before failing (appends retry above that). */
const MAX_RETRIES_PER_REQUEST = 5

/**
 * Parses `host:port,host:port,…` (IPv6 hosts in brackets: `[::1]:7000`).
 * Throws on an empty list or a malformed entry.
 *
 * @example
 * ```ts
 * parseRedisNodes('10.0.0.1:7000, 10.0.0.2:7000') // [{ host: '10.0.0.1', port: 7000 }, …]
 * ```
 */
export function parseRedisNodes(list: string): RedisNode[] {
  const nodes = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(entry)
      const port = Number(match?.[3])
      if (!match || port < 1 || port > 65535) throw new Error(`not host:port: "${entry}"`)
      return { host: match[1] ?? match[2]!, port }
    })
  if (nodes.length === 0) throw new Error('no nodes given')
  return nodes
}

/**
 * Opens a connection to `target`. On a cluster this is ioredis's `Cluster`
 * client: commands go to the primary owning their slot (`scaleReads:
 * 'master'`, since a replica may lag behind an append the log reader must
 * see), it follows `MOVED`/`ASK` and reloads the slot map after a failover.
 * A `subscriber` on a cluster also opens one sharded subscriber per primary
 * (`shardedSubscribers`, ioredis ≥ 5.6), which `SSUBSCRIBE` needs.
 */
export function connectRedis(target: RedisTarget, role: RedisRole, extra: RedisOptions = {}): RedisClient {
  const options: RedisOptions = {
    maxRetriesPerRequest: MAX_RETRIES_PER_REQUEST,
    connectionName: `mockboard-${role}`,
    ...extra,
  }
  if (target.kind === 'single') return new Redis(target.url, options)
  const clusterOptions: ClusterOptions = {
    redisOptions: options,
    scaleReads: 'master',
    shardedSubscribers: role === 'subscriber',
    // A failover takes a few seconds (cluster-node-timeout plus the election):
    // keep retrying a command through it instead of failing it at once.
    retryDelayOnClusterDown: 200,
    retryDelayOnFailover: 200,
    retryDelayOnTryAgain: 200,
    maxRedirections: 64,
  }
  return new Cluster(target.nodes, clusterOptions)
}

/** True when `client` is a cluster connection. */
export function isCluster(client: RedisClient): client is Cluster {
  return client instanceof Cluster
}

/**
 * Every key matching `pattern`, over the whole keyspace: SCAN on each
 * primary of a cluster (a plain SCAN only walks the one node it lands on),
 * or on the single node. For start-up migrations, not hot paths.
 */
export async function scanAll(client: RedisClient, pattern: string): Promise<string[]> {
  if (isCluster(client)) await clusterReady(client)
  const nodes: Redis[] = isCluster(client) ? client.nodes('master') : [client]
  const found: string[] = []
  for (const node of nodes) {
    let cursor = '0'
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500)
      cursor = next
      found.push(...batch)
    } while (cursor !== '0')
  }
  return found
}

/**
 * Resolves once a cluster client knows its nodes (a new client learns them
 * asynchronously; before that `nodes()` is empty). Rejects after `timeoutMs`.
 */
export function clusterReady(client: Cluster, timeoutMs = 30_000): Promise<void> {
  if (client.status === 'ready') return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady)
      reject(new Error('redis cluster not ready'))
    }, timeoutMs)
    const onReady = () => {
      clearTimeout(timer)
      resolve()
    }
    client.once('ready', onReady)
  })
}
