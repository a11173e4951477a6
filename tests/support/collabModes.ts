import { startInProcessCollab, tempDataDir, type InProcessCollab } from './collabServers'
import { RedisServer } from './redisServer'
import type { TestCollabOptions } from './collabServers'

/** The two storage modes every collab integration test runs in. */
export const COLLAB_MODES = ['embedded', 'redis'] as const
export type CollabMode = (typeof COLLAB_MODES)[number]

/**
 * The servers of one test. Embedded: one server, so `writerUrl` and
 * `readerUrl` are the same. Redis: two servers on one real `redis-server`,
 * the writer on A and the reader on B.
 */
export interface CollabCluster {
  mode: CollabMode
  servers: InProcessCollab[]
  writerUrl: string
  readerUrl: string
  redis: RedisServer | null
  close(): Promise<void>
}

type Options = TestCollabOptions

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
      async close() {
        await server.close()
        data.remove()
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
    async close() {
      await Promise.all(servers.map((s) => s.close()))
      await redis.destroy()
    },
  }
}
