import type { Actor } from '@/lib/access/actor'
import type { RoomDirectory } from '@/server/access/RoomDirectory'
import { SqliteRoomDirectory } from '@/server/access/SqliteRoomDirectory'
import { RedisRoomDirectory } from '@/server/access/RedisRoomDirectory'
import type { SessionStore } from '@/server/sessions/SessionStore'
import { SqliteSessionStore } from '@/server/sessions/SqliteSessionStore'
import { RedisSessionStore } from '@/server/sessions/RedisSessionStore'
import { openSqlite } from '@/server/storage/openSqlite'
import { connectRedis, type RedisClient, type RedisConfig } from '@/server/redis/redisConnection'
import { startInProcessCollab, tempDataDir, type InProcessCollab, type StorageTarget } from './collabServers'
import { connectProvider } from './providers'
import { RedisServer } from './redisServer'
import type { AudioLimits } from '@/server/audio/AudioService'
import { setAppContext } from '@/server/appContext'
import { TEST_AUTH_SECRET } from './tokens'
import { sharedRedisCluster, type CollabMode } from './collabModes'
import pino from 'pino'
import { openPostgres } from '@/server/postgres/openPostgres'
import { PostgresRoomDirectory } from '@/server/postgres/PostgresRoomDirectory'
import { PostgresSessionStore } from '@/server/postgres/PostgresSessionStore'

/**
 * A whole deployment for session, rubric and replay tests, each server built
 * by `createCollabStack` as in production: embedded (one server, SQLite),
 * Redis (two servers on one real Redis; the services run on A, clients
 * connect to B) or cluster (the same on the test file's shared Redis Cluster,
 * emptied on close; the file calls `stopSharedRedisCluster` in `afterAll`). The services' clock is the test's (`advance`); `restart()`
 * replaces every server on the same storage, as after a crash. Beside the
 * servers the test holds its own connection to the storage (`db` or
 * `redisClient`, with a directory and a session store on it), as an
 * operator's tool would, to plant or inspect data.
 */
export async function deploySessions(
  mode: CollabMode,
  start = 1_900_000_000_000,
  audioLimits: Partial<Pick<AudioLimits, 'chunkMaxBytes' | 'trackMaxBytes'>> = {},
  /** More configuration for every server, e.g. `DATABASE_URL` (the test's `directory` and `store` are then PostgreSQL's). */
  extraEnv: Record<string, string> = {}
) {
  const cleanups: (() => unknown)[] = []
  // Recordings are files in both modes (see createCollabStack).
  const audioData = tempDataDir()
  cleanups.push(audioData.remove)
  const audioEnv: Record<string, string> = {
    AUDIO_DIR: audioData.dir,
    ...(audioLimits.chunkMaxBytes ? { AUDIO_CHUNK_MAX_BYTES: String(audioLimits.chunkMaxBytes) } : {}),
    ...(audioLimits.trackMaxBytes ? { AUDIO_TRACK_MAX_BYTES: String(audioLimits.trackMaxBytes) } : {}),
    ...extraEnv,
  }
  let target: StorageTarget
  let directory: RoomDirectory
  let store: SessionStore
  let sqlite: SqliteSessionStore | null = null
  let redisStore: RedisSessionStore | null = null
  let redis: RedisConfig | null = null
  let db: ReturnType<typeof openSqlite> | null = null
  let redisClient: RedisClient | null = null
  if (mode === 'embedded') {
    const data = tempDataDir()
    db = openSqlite(data.dir)
    const opened = db
    cleanups.push(data.remove, () => opened.close())
    target = { dataDir: data.dir }
    directory = new SqliteRoomDirectory(db)
    store = sqlite = new SqliteSessionStore(db)
  } else {
    let config: RedisConfig
    if (mode === 'cluster') {
      const cluster = await sharedRedisCluster()
      config = cluster.config
      cleanups.push(() => cluster.flush())
    } else {
      const server = await RedisServer.start()
      config = server.config
      cleanups.push(() => server.destroy())
    }
    redis = config
    const client = (redisClient = connectRedis(config))
    cleanups.push(() => client.disconnect())
    target = { redis: config }
    directory = new RedisRoomDirectory(client, config.prefix)
    store = redisStore = new RedisSessionStore(client, config.prefix)
  }
  if (extraEnv.DATABASE_URL) {
    const pool = openPostgres(extraEnv.DATABASE_URL, pino({ level: 'silent' }))
    cleanups.push(() => pool.end())
    directory = new PostgresRoomDirectory(pool)
    store = new PostgresSessionStore(pool)
  }
  let clock = start
  const now = () => clock
  let servers: InProcessCollab[] = []
  const boot = async () => {
    // As in production: every connection's rights come from the directory's current roles.
    const options = { checkMembers: true, now, env: audioEnv }
    servers = [await startInProcessCollab(target, options)]
    if (mode !== 'embedded') servers.push(await startInProcessCollab(target, options))
  }
  /** Server A's stack: where the services run. */
  const services = () => servers[0]!.stack
  await boot()
  const providers: { destroy(): void }[] = []
  return {
    mode,
    directory,
    store,
    sqliteStore: sqlite,
    /** The SQLite database (embedded mode) or the Redis client (Redis mode) the test's stores use. */
    db,
    redisClient,
    redisStore,
    /** How the servers reach Redis (Redis mode): its URL and key prefix. */
    redis,
    get access() {
      return services().access
    },
    get sessions() {
      return services().sessions
    },
    get sheets() {
      return services().sheets
    },
    get boards() {
      return services().boards
    },
    get replay() {
      return services().replay
    },
    get audio() {
      return services().audio
    },
    /** Makes the API route handlers (called directly by a test) use this deployment's services (on server A). */
    installAppContext() {
      const { access, sessions, sheets, boards, replay, audio } = services()
      setAppContext({ access, sessions, sheets, boards, replay, audio, authSecret: TEST_AUTH_SECRET })
    },
    /** Where the recordings' files are (the servers' own store writes them). */
    audioDir: audioData.dir,
    /** The collab URL clients use: server B in Redis mode. */
    get clientUrl() {
      return servers.at(-1)!.url
    },
    /** Every server's stack (A first). */
    get stacks() {
      return servers.map((s) => s.stack)
    },
    /** The storage of server A (where the services run). */
    get storage() {
      return servers[0]!.storage
    },
    /** Waits until the live board, as `actor` reads it through the services, holds record `id`. */
    async untilOnBoard(roomId: string, actor: Actor, id: string): Promise<void> {
      for (let i = 0; i < 500; i++) {
        if ((await services().boards.snapshot(roomId, actor, null))?.store[id]) return
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      throw new Error(`${id} never reached the board of ${roomId}`)
    },
    advance: (ms: number) => (clock += ms),
    now,
    /** A real y-websocket client on server B (A in embedded mode), with a token for `role`. */
    open(
      roomId: string,
      user: string,
      role: 'interviewer' | 'candidate' | 'observer',
      roomDoc: 'session' | 'private' | 'board'
    ) {
      const connection = connectProvider(servers.at(-1)!.url, roomId, { user, role, roomDoc })
      providers.push(connection)
      return connection
    },
    async restart() {
      for (const p of providers.splice(0)) p.destroy()
      await Promise.all(servers.map((s) => s.close()))
      await boot()
    },
    async close() {
      for (const p of providers) p.destroy()
      await Promise.all(servers.map((s) => s.close()))
      for (const cleanup of cleanups.reverse()) await cleanup()
    },
  }
}

/** A deployment from {@link deploySessions}. */
export type SessionDeployment = Awaited<ReturnType<typeof deploySessions>>
