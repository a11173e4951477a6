import { startInProcessCollab, tempDataDir, type InProcessCollab } from './collabServers'
import { RedisServer } from './redisServer'
import { RedisCluster } from './redisCluster'
import type { TestCollabOptions } from './collabServers'

/** The two storage modes every collab integration test runs in. */
export const COLLAB_MODES = ['embedded', 'redis'] as const

/**
 * Those and a Redis Cluster, for the suites that prove cluster mode
 * (protocol, durability, access, sessions, replay). A file using it calls
 * {@link stopSharedRedisCluster} in `afterAll`.
 */
export const COLLAB_MODES_WITH_CLUSTER = [...COLLAB_MODES, 'cluster'] as const
/** Where a test's servers keep rooms: `embedded` (SQLite), `redis` (one node) or `cluster` (a Redis Cluster). */
export type CollabMode = (typeof COLLAB_MODES_WITH_CLUSTER)[number]

/**
 * The servers of one test. Embedded: one server, so `writerUrl` and
 * `readerUrl` are the same. Redis: two servers on one real `redis-server`,
 * the writer on A and the reader on B. Cluster: the same two servers on a
 * 6-node Redis Cluster shared by the test file (emptied after each test).
 */
export interface CollabCluster {
  mode: CollabMode
  servers: InProcessCollab[]
  writerUrl: string
  readerUrl: string
  redis: RedisServer | null
  /** The shared Redis Cluster in `cluster` mode. */
  redisCluster: RedisCluster | null
  close(): Promise<void>
}

type Options = TestCollabOptions

let sharedCluster: Promise<RedisCluster> | null = null

/**
 * The test file's Redis Cluster (3 primaries, 3 replicas), started on first
 * use: starting one takes ~2 s, so every cluster-mode test of a file shares it.
 */
export function sharedRedisCluster(): Promise<RedisCluster> {
  sharedCluster ??= RedisCluster.start()
  return sharedCluster
}

/** Stops the file's shared Redis Cluster, if it was started (call it in `afterAll`). */
export async function stopSharedRedisCluster(): Promise<void> {
  const cluster = sharedCluster
  sharedCluster = null
  await (await cluster?.catch(() => null))?.destroy()
}

/** Starts the servers for `mode`. */
export async function startCluster(mode: CollabMode, options: Options = {}): Promise<CollabCluster> {
  if (mode === 'embedded') {
    const data = tempDataDir()
    const server = await startInProcessCollab({ dataDir: data.dir }, options)
    return {
      mode,
      servers: [server],
      writerUrl: server.url,
      readerUrl: server.url,
      redis: null,
      redisCluster: null,
      async close() {
        await server.close()
        data.remove()
      },
    }
  }
  if (mode === 'cluster') {
    const redisCluster = await sharedRedisCluster()
    const target = { redis: redisCluster.config }
    const servers = [await startInProcessCollab(target, options), await startInProcessCollab(target, options)]
    return {
      mode,
      servers,
      writerUrl: servers[0]!.url,
      readerUrl: servers[1]!.url,
      redis: null,
      redisCluster,
      async close() {
        await Promise.all(servers.map((s) => s.close()))
        await redisCluster.flush()
      },
    }
  }
  const redis = await RedisServer.start()
  const servers = [
    await startInProcessCollab({ redis: redis.config }, options),
    await startInProcessCollab({ redis: redis.config }, options),
  ]
  return {
    mode,
    servers,
    writerUrl: servers[0]!.url,
    readerUrl: servers[1]!.url,
    redis,
    redisCluster: null,
    async close() {
      await Promise.all(servers.map((s) => s.close()))
      await redis.destroy()
    },
  }
}
