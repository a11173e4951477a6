import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis'
import { DEFAULT_REDIS_PREFIX } from './redisKeys'

/** One seed node of a Redis Cluster, or one Sentinel. */
export interface RedisNode {
  host: string
  port: number
}

/**
 * How a deployment reaches Redis: the one object every Redis connection is
 * opened from (servers, tests and tools alike), so a change of topology is
 * made here and nowhere else. Either one node (`url`, `REDIS_URL`), a
 * Redis Cluster (`clusterNodes`, its seed nodes, `REDIS_CLUSTER_NODES`), or
 * a primary with replicas watched by Redis Sentinel (`sentinels` and
 * `sentinelName`, `REDIS_SENTINELS` and `REDIS_SENTINEL_NAME`).
 */
export type RedisConfig = {
  /** Prefix of every key and channel (`REDIS_PREFIX`; {@link DEFAULT_REDIS_PREFIX} by default). */
  prefix: string
} & (
  | {
      /** `redis://[user:password@]host:port[/db]` (`REDIS_URL`). */
      url: string
      clusterNodes?: undefined
      sentinels?: undefined
    }
  | {
      /** Seed nodes of a Redis Cluster (`REDIS_CLUSTER_NODES`); the client learns the rest. */
      clusterNodes: RedisNode[]
      url?: undefined
      sentinels?: undefined
    }
  | {
      /** Some of the Sentinels watching the primary (`REDIS_SENTINELS`); the client learns the rest. */
      sentinels: RedisNode[]
      /** The name the Sentinels monitor the primary under (`REDIS_SENTINEL_NAME`). */
      sentinelName: string
      url?: undefined
      clusterNodes?: undefined
    }
)

/** A {@link RedisConfig} for one node at `url`, with the default key prefix. */
export function redisConfig(url: string, prefix: string = DEFAULT_REDIS_PREFIX): RedisConfig {
  return { url, prefix }
}

/** A {@link RedisConfig} for a Redis Cluster given by seed nodes (`host:port,…`), with the default key prefix. */
export function redisClusterConfig(nodes: string, prefix: string = DEFAULT_REDIS_PREFIX): RedisConfig {
  return { clusterNodes: parseRedisNodes(nodes), prefix }
}

/**
 * A {@link RedisConfig} for the primary the Sentinels at `sentinels`
 * (`host:port,…`) monitor as `name`, with the default key prefix.
 */
export function redisSentinelConfig(
  sentinels: string,
  name: string,
  prefix: string = DEFAULT_REDIS_PREFIX
): RedisConfig {
  return { sentinels: parseRedisNodes(sentinels), sentinelName: name, prefix }
}

/** A connection to any kind of deployment; all speak the same commands (Sentinel's is a plain `Redis`). */
export type RedisClient = Redis | Cluster

/** Options of one connection opened by {@link connectRedis}. */
export interface RedisConnectionOptions {
  /** Shown by `CLIENT LIST` as `mockboard-<name>` (storage, publisher, subscriber, …). */
  name?: string
  /**
   * Called on connection errors (ioredis reconnects by itself). Without it
   * errors are ignored, which is what short-lived test and tool connections want.
   */
  onError?: (error: Error) => void
  /**
   * The connection subscribes to room channels. On a cluster it then opens
   * one sharded subscriber per primary (`shardedSubscribers`, ioredis ≥ 5.6),
   * which `SSUBSCRIBE` needs; other connections skip those extra sockets.
   */
  subscriber?: boolean
  /** Reconnection attempts a command waits through before it fails (default 5). */
  maxRetriesPerRequest?: number
}

/**
 * Opens one connection described by `config`: ioredis's `Redis` for one
 * node or a Sentinel deployment, its `Cluster` client for a cluster. With
 * Sentinel the client asks the Sentinels for the primary's address on every
 * (re)connect and checks that the node it reached is a primary (`role:
 * 'master'`); after a failover its connection drops (the primary died, or
 * Sentinel disconnects the clients of a primary it demotes) and it finds the
 * new one; a subscriber re-subscribes there (`autoResubscribe`). A command
 * waits through at most 5 reconnection attempts before it fails, so a Redis
 * outage (or a failover's few seconds) surfaces as an error instead of a
 * hang. On a cluster, commands go to the primary owning
 * their slot (`scaleReads: 'master'`: a replica may lag behind an append the
 * log reader must see); the client follows `MOVED`/`ASK` and reloads the
 * slot map after a failover, retrying commands through it.
 */
export function connectRedis(config: RedisConfig, options: RedisConnectionOptions = {}): RedisClient {
  const redisOptions: RedisOptions = {
    maxRetriesPerRequest: options.maxRetriesPerRequest ?? 5,
    ...(options.name ? { connectionName: `mockboard-${options.name}` } : {}),
  }
  let client: RedisClient
  if (config.url !== undefined) client = new Redis(config.url, redisOptions)
  else if (config.sentinels !== undefined) {
    client = new Redis({
      ...redisOptions,
      sentinels: config.sentinels,
      name: config.sentinelName,
      role: 'master',
      // Not `failoverDetector`: in ioredis 5.11 its `+switch-master` can
      // arrive while the client is asking the Sentinels for the new primary,
      // which ends the connection for good (status `end`, never reconnects):
      // 31 of 40 connections in one trial kill of a primary.
    })
  } else {
    const clusterOptions: ClusterOptions = {
      redisOptions,
      scaleReads: 'master',
      shardedSubscribers: options.subscriber ?? false,
      // A failover takes a few seconds (cluster-node-timeout plus the
      // election): keep retrying a command through it instead of failing it.
      retryDelayOnClusterDown: 200,
      retryDelayOnFailover: 200,
      retryDelayOnTryAgain: 200,
      maxRedirections: 64,
    }
    client = new Cluster(config.clusterNodes, clusterOptions)
  }
  client.on('error', options.onError ?? (() => undefined))
  return client
}

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
 * The environment that describes `config`: `REDIS_URL`, `REDIS_CLUSTER_NODES`
 * or `REDIS_SENTINELS` with `REDIS_SENTINEL_NAME`, and `REDIS_PREFIX`.
 */
export function redisEnv(config: RedisConfig): Record<string, string> {
  const prefix = { REDIS_PREFIX: config.prefix }
  if (config.url !== undefined) return { REDIS_URL: config.url, ...prefix }
  if (config.sentinels !== undefined) {
    return { REDIS_SENTINELS: formatRedisNodes(config.sentinels), REDIS_SENTINEL_NAME: config.sentinelName, ...prefix }
  }
  return { REDIS_CLUSTER_NODES: formatRedisNodes(config.clusterNodes), ...prefix }
}

/** `nodes` as {@link parseRedisNodes} reads them. */
function formatRedisNodes(nodes: RedisNode[]): string {
  return nodes.map((n) => (n.host.includes(':') ? `[${n.host}]:${n.port}` : `${n.host}:${n.port}`)).join(',')
}

/** What kind of deployment `config` describes, for logs. */
export function redisTopology(config: RedisConfig): 'one node' | 'cluster' | 'sentinel' {
  if (config.url !== undefined) return 'one node'
  return config.sentinels !== undefined ? 'sentinel' : 'cluster'
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
