import { Redis } from 'ioredis'
import { RoomAccess } from '@/server/access/RoomAccess'
import type { RoomDirectory } from '@/server/access/RoomDirectory'
import { SqliteRoomDirectory } from '@/server/access/SqliteRoomDirectory'
import { RedisRoomDirectory } from '@/server/access/RedisRoomDirectory'
import { BoardService } from '@/server/boards/BoardService'
import { AudioService, type AudioLimits } from '@/server/audio/AudioService'
import { FileAudioStore } from '@/server/audio/FileAudioStore'
import { ReplayService } from '@/server/replay/ReplayService'
import { RubricSheets } from '@/server/sessions/RubricSheets'
import { SessionService } from '@/server/sessions/SessionService'
import type { SessionStore } from '@/server/sessions/SessionStore'
import { SqliteSessionStore } from '@/server/sessions/SqliteSessionStore'
import { RedisSessionStore } from '@/server/sessions/RedisSessionStore'
import { openSqlite } from '@/server/storage/openSqlite'
import { startInProcessCollab, tempDataDir, type InProcessCollab, type StorageTarget } from './collabServers'
import { connectProvider } from './providers'
import { RedisServer } from './redisServer'
import { DEFAULT_REDIS_PREFIX } from '@/server/redis/redisKeys'
import { setAppContext } from '@/server/appContext'
import { TEST_AUTH_SECRET } from './tokens'

/**
 * A whole deployment for session, rubric and replay tests, wired as
 * `createCollabStack` wires it: embedded (one server, SQLite) or Redis (two
 * servers on one real Redis; the services run on A, clients connect to B).
 * The services' clock is the test's (`advance`); `restart()` replaces every
 * server on the same storage, as after a crash.
 */
export async function deploySessions(
  mode: 'embedded' | 'redis',
  start = 1_900_000_000_000,
  audioLimits: Partial<AudioLimits> = {}
) {
  const cleanups: (() => unknown)[] = []
  // Recordings are files in both modes (see createCollabStack).
  const audioData = tempDataDir()
  cleanups.push(audioData.remove)
  const audioStore = new FileAudioStore(audioData.dir)
  let target: StorageTarget
  let directory: RoomDirectory
  let store: SessionStore
  let sqlite: SqliteSessionStore | null = null
  let redisStore: RedisSessionStore | null = null
  let redisUrl: string | null = null
  let db: ReturnType<typeof openSqlite> | null = null
  let redisClient: Redis | null = null
  if (mode === 'embedded') {
    const data = tempDataDir()
    db = openSqlite(data.dir)
    const opened = db
    cleanups.push(data.remove, () => opened.close())
    target = { dataDir: data.dir }
    directory = new SqliteRoomDirectory(db)
    store = sqlite = new SqliteSessionStore(db)
  } else {
    const redis = await RedisServer.start()
    const client = (redisClient = new Redis(redis.url))
    cleanups.push(
      () => redis.destroy(),
      () => client.disconnect()
    )
    redisUrl = redis.url
    target = { redisUrl: redis.url }
    directory = new RedisRoomDirectory(client, DEFAULT_REDIS_PREFIX)
    store = redisStore = new RedisSessionStore(client, DEFAULT_REDIS_PREFIX)
  }
  let clock = start
  const now = () => clock
  let servers: InProcessCollab[] = []
  let services!: ReturnType<typeof wire>
  const wire = (a: InProcessCollab) => {
    const access: RoomAccess = new RoomAccess(directory, async (roomId, userId) => {
      await Promise.all(servers.map((s) => s.collab.revokeUser(roomId, userId)))
      const member = await directory.getMember(roomId, userId)
      if (member) await sessions.noteRoleChange(roomId, member)
    })
    const sessions: SessionService = new SessionService({ rooms: a.collab.rooms, access, store, now })
    const sheets = new RubricSheets({ access, store, sessions, now })
    const audio = new AudioService({
      access,
      sessions: store,
      store: audioStore,
      announce: (roomId, sessionId, actor, on) => sessions.announceRecording(roomId, sessionId, actor, on),
      limits: audioLimits,
      now,
    })
    const boards = new BoardService({ access, rooms: a.collab.rooms, storage: a.storage, sessions: store, audio })
    const replay = new ReplayService({ access, storage: a.storage, sessions: store })
    return { access, sessions, sheets, boards, replay, audio }
  }
  const boot = async () => {
    // As in production: every connection's rights come from the directory's current roles.
    servers = [await startInProcessCollab(target, { checkMembers: true })]
    if (mode === 'redis') servers.push(await startInProcessCollab(target, { checkMembers: true }))
    services = wire(servers[0]!)
  }
  await boot()
  const providers: { destroy(): void }[] = []
  return {
    mode,
    directory,
    store,
    sqliteStore: sqlite,
    /** The SQLite database (embedded mode) or the Redis client (Redis mode) the stores use. */
    db,
    redisClient,
    redisStore,
    redisUrl,
    get access() {
      return services.access
    },
    get sessions() {
      return services.sessions
    },
    get sheets() {
      return services.sheets
    },
    get boards() {
      return services.boards
    },
    get replay() {
      return services.replay
    },
    get audio() {
      return services.audio
    },
    /** Makes the API route handlers (called directly by a test) use this deployment's services (on server A). */
    installAppContext() {
      setAppContext({ ...services, authSecret: TEST_AUTH_SECRET })
    },
    /** Where the recordings' files are. */
    audioStore,
    audioDir: audioData.dir,
    /** The collab URL clients use: server B in Redis mode. */
    get clientUrl() {
      return servers.at(-1)!.url
    },
    /** The storage of server A (where the services run). */
    get storage() {
      return servers[0]!.storage
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
