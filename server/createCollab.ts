import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import pino, { type Logger } from 'pino'
import { createBoardSchema } from '@/lib/board/boardSchema'
import type { ServerConfig } from './config'
import { CollabServer, type CollabServerOptions } from './collab/CollabServer'
import { SqliteRoomStorage } from './storage/SqliteRoomStorage'
import { openSqlite } from './storage/openSqlite'
import type { RoomDirectory } from './access/RoomDirectory'
import { SqliteRoomDirectory } from './access/SqliteRoomDirectory'
import { RedisRoomDirectory } from './access/RedisRoomDirectory'
import { RoomAccess } from './access/RoomAccess'
import { resolveAuthSecret } from './auth/authSecret'
import type { RoomStorage } from './storage/RoomStorage'
import type { RoomBus } from './rooms/RoomBus'
import { RedisRoomStorage } from './redis/RedisRoomStorage'
import { RedisRoomBus } from './redis/RedisRoomBus'
import { throttledWarning } from './ops/throttledWarning'
import { connectRedis, redisTopology } from './redis/redisConnection'
import { migrateLogKeys } from './redis/migrateLogKeys'
import { RedisSessionStore } from './sessions/RedisSessionStore'
import { SessionService } from './sessions/SessionService'
import { ReplayService } from './replay/ReplayService'
import type { SessionStore } from './sessions/SessionStore'
import { SqliteSessionStore } from './sessions/SqliteSessionStore'
import { RubricSheets } from './sessions/RubricSheets'
import { migrateLegacySessions, type LegacySessions } from './sessions/migrateLegacySessions'
import { BoardService } from './boards/BoardService'
import { AudioService } from './audio/AudioService'
import { FileAudioStore } from './audio/FileAudioStore'
import { openPostgresTier, type PostgresTier } from './postgres/postgresTier'

/** A collab server with its storage, ready to take upgrades. */
export interface CollabStack {
  collab: CollabServer
  storage: RoomStorage
  logger: Logger
  /** `embedded` (SQLite, one process) or `redis` (many servers). */
  mode: 'embedded' | 'redis'
  /** The PostgreSQL tier (`DATABASE_URL`): relational stores, and with Redis the logs' cold tier. */
  postgres: PostgresTier | null
  /** Rooms, members and invites, with the rules of who may do what. */
  access: RoomAccess
  /** The room directory `access` reads and writes (members, invites). */
  directory: RoomDirectory
  /** Signs sessions and collab tokens. */
  authSecret: string
  /** Interview sessions: records, clock, reveal, settings. */
  sessions: SessionService
  /** Rubric sheets, one per session and author. */
  sheets: RubricSheets
  /** Boards as places: list, rename, duplicate, delete, pictures. */
  boards: BoardService
  /** Session replay: the logs and timeline marks, for members. */
  replay: ReplayService
  /** Session recordings: the setting, consent, chunk uploads, and playback for those who may hear them. */
  audio: AudioService
  /**
   * Brings stored data written by earlier releases up to date (PostgreSQL's
   * schema migrations, then starting the log archiver, with `DATABASE_URL`;
   * sessions of the one-session-per-room release; the user → rooms index in
   * Redis). Idempotent; run it before serving.
   */
  migrate(): Promise<void>
  /** Closes connections, flushes rooms, then closes storage. */
  close(): Promise<void>
}

/**
 * What may be set beside the configuration. The servers pass none; tests use
 * these knobs to run the same stack several times in one process.
 */
export interface CollabStackOptions {
  /** Default: a pino logger at `config.logLevel`. */
  logger?: Logger
  /** This server's name on the Redis bus. Default: `<host>-<pid>-<random>`. */
  serverId?: string
  /** The clock of sessions and rubric sheets. Default: `Date.now`. */
  now?: () => number
  /**
   * What decides a connection's rights: the member's current role in the
   * directory (`directory`, the default and the only production setting) or
   * the role in the collab token (`token`, for tests that sign their own).
   */
  roles?: 'directory' | 'token'
  /** Tests only: drops incoming Redis pub/sub messages (see `RedisRoomBusOptions.dropIncoming`). */
  dropIncoming?: (channel: string) => boolean
  /** Overrides of the collab server's options (a short `roomUnloadDelayMs`, a custom `currentRole`, …). */
  collab?: Partial<Omit<CollabServerOptions, 'storage' | 'schema' | 'logger' | 'bus' | 'authSecret'>>
}

/**
 * Builds the collab server the configuration asks for: Redis storage and
 * fan-out when `config.redis` is set (one node or a Redis Cluster), the
 * embedded SQLite store otherwise.
 * The servers and the tests build their deployments with it alike.
 */
export function createCollabStack(config: ServerConfig, options: CollabStackOptions = {}): CollabStack {
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'mockboard' } })
  let storage: RoomStorage
  let bus: RoomBus | undefined
  let directory: RoomDirectory
  let sessionStore: SessionStore
  let legacy: LegacySessions
  let backfill: () => Promise<void> = async () => undefined
  let postgres: PostgresTier | null = null
  const redisConfig = config.redis
  if (redisConfig) {
    const { prefix } = redisConfig
    const serverId = options.serverId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 6)}`
    const connect = (name: string) => {
      // Each reconnection attempt of an outage reports an error: one line per connection every few seconds.
      const warn = throttledWarning(logger, 'redis connection error')
      return connectRedis(redisConfig, {
        name,
        subscriber: name === 'subscriber',
        onError: (error) => warn({ err: error, role: name }),
      })
    }
    const storageConnection = connect('storage')
    storage = new RedisRoomStorage(storageConnection, { serverId, prefix })
    const redisDirectory = new RedisRoomDirectory(storageConnection, prefix)
    directory = redisDirectory
    backfill = async () => {
      await migrateLogKeys(storageConnection, prefix, logger)
      await redisDirectory.backfillUserIndex()
    }
    const redisSessions = new RedisSessionStore(storageConnection, prefix)
    sessionStore = redisSessions
    legacy = redisSessions.legacy()
    if (config.postgres) {
      const opened = openPostgresTier(config.postgres, logger, { storage, client: storageConnection, prefix })
      postgres = opened.tier
      storage = opened.storage ?? storage
      directory = postgres.directory
      sessionStore = postgres.sessions
      legacy = postgres.sessions.legacy()
      backfill = async () => void (await migrateLogKeys(storageConnection, prefix, logger))
    }
    bus = new RedisRoomBus(connect('publisher'), connect('subscriber'), {
      serverId,
      prefix,
      logger,
      dropIncoming: options.dropIncoming,
    })
    logger.info({ serverId, redis: redisTopology(redisConfig) }, 'redis mode')
  } else {
    const db = openSqlite(config.dataDir, config.sqliteSynchronous)
    storage = new SqliteRoomStorage({ db, logger })
    directory = new SqliteRoomDirectory(db)
    const sqliteSessions = new SqliteSessionStore(db)
    sessionStore = sqliteSessions
    legacy = sqliteSessions.legacy()
    if (config.postgres) {
      postgres = openPostgresTier(config.postgres, logger).tier
      directory = postgres.directory
      sessionStore = postgres.sessions
      legacy = postgres.sessions.legacy()
    }
  }
  const authSecret = resolveAuthSecret({ envSecret: config.authSecret, dataDir: config.dataDir, redisMode: !!bus })
  const collab = new CollabServer({
    storage,
    bus,
    authSecret,
    schema: createBoardSchema(),
    logger,
    maxFrameBytes: config.maxFrameBytes,
    limits: config.limits,
    socketsPerUser: config.socketsPerUser,
    roomLogMaxBytes: config.roomLogMaxBytes,
    ice: config.ice,
    currentRole:
      options.roles === 'token'
        ? undefined
        : async (room, user) => (await directory.getMember(room, user))?.role ?? null,
    ...options.collab,
  })
  const access = new RoomAccess(directory, async (roomId, userId) => {
    await collab.announceAccessChange(roomId, userId)
    const member = await directory.getMember(roomId, userId)
    if (member) await sessions.noteRoleChange(roomId, member)
  })
  const { now } = options
  const sessions: SessionService = new SessionService({
    rooms: collab.rooms,
    access,
    store: sessionStore,
    audio: { deleteSession: (roomId, sessionId): Promise<void> => audio.deleteSession(roomId, sessionId) },
    now,
  })
  const sheets = new RubricSheets({ access, store: sessionStore, sessions, now })
  // Recordings live in PostgreSQL with DATABASE_URL (every web server reads them, no shared filesystem);
  // without it they are files in AUDIO_DIR (in Redis mode, then, storage every web server shares).
  const audio: AudioService = new AudioService({
    access,
    sessions: sessionStore,
    store: postgres?.audio ?? new FileAudioStore(config.audio.dir),
    announce: (roomId, sessionId, actor, on) => sessions.announceRecording(roomId, sessionId, actor, on),
    limits: { chunkMaxBytes: config.audio.chunkMaxBytes, trackMaxBytes: config.audio.trackMaxBytes },
    now,
  })
  // In Redis mode the load balancer hashes each URI, so a room's page and its socket usually reach different
  // servers: warming the page's server would only load the room twice.
  const boards = new BoardService({
    access,
    rooms: collab.rooms,
    storage,
    sessions: sessionStore,
    audio,
    announceDeleted: (roomId) => collab.announceRoomDeleted(roomId),
    warmRoomsForPages: !bus,
  })
  const replay = new ReplayService({ access, storage, sessions: sessionStore })
  return {
    collab,
    storage,
    logger,
    mode: bus ? 'redis' : 'embedded',
    postgres,
    access,
    directory,
    authSecret,
    sessions,
    sheets,
    boards,
    replay,
    audio,
    async migrate() {
      await postgres?.start()
      await backfill()
      await migrateLegacySessions({ legacy, store: sessionStore, storage, directory, logger })
    },
    async close() {
      await collab.close()
      await bus?.close()
      await postgres?.archiver?.stop()
      await storage.close()
      await postgres?.close()
    },
  }
}

/** Closes `stack` and exits on SIGINT/SIGTERM, so accepted edits are flushed first; logs stray rejections. */
export function exitOnSignals(close: () => Promise<void>, logger: Logger): void {
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    close()
      .catch((error: unknown) => logger.error({ err: error }, 'shutdown failed'))
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  // A promise nobody awaited failed: log it with its stack instead of letting Node end the process, which
  // would drop every room's sockets (in the embedded default nothing restarts it). Handlers catch what they
  // expect; this is the net under a bug.
  process.on('unhandledRejection', (error: unknown) => logger.error({ err: error }, 'unhandled promise rejection'))
}
