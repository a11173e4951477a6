import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import pino, { type Logger } from 'pino'
import { createBoardSchema } from '@/lib/board/boardSchema'
import type { ServerConfig } from './config'
import { CollabServer } from './collab/CollabServer'
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
import { connectRedis, redisTargetOf, type RedisRole } from './redis/redisConnection'
import { migrateLogKeys } from './redis/migrateLogKeys'
import { RedisSessionStore } from './sessions/RedisSessionStore'
import { SessionService } from './sessions/SessionService'
import { ReplayService } from './replay/ReplayService'
import type { SessionStore } from './sessions/SessionStore'
import { SqliteSessionStore } from './sessions/SqliteSessionStore'
import { RubricSheets } from './sessions/RubricSheets'
import { migrateLegacySessions, type LegacySessions } from './sessions/migrateLegacySessions'
import { BoardService } from './boards/BoardService'

/** A collab server with its storage, ready to take upgrades. */
export interface CollabStack {
  collab: CollabServer
  storage: RoomStorage
  logger: Logger
  /** `embedded` (SQLite, one process) or `redis` (many servers). */
  mode: 'embedded' | 'redis'
  /** Rooms, members and invites, with the rules of who may do what. */
  access: RoomAccess
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
  /**
   * Brings stored data written by earlier releases up to date (sessions of
   * the one-session-per-room release; the user → rooms index in Redis).
   * Idempotent; run it before serving.
   */
  migrate(): Promise<void>
  /** Closes connections, flushes rooms, then closes storage. */
  close(): Promise<void>
}

/**
 * Builds the collab server the configuration asks for: Redis storage and
 * fan-out when `REDIS_URL` (one node) or `REDIS_CLUSTER_NODES` (a Redis
 * Cluster) is set, the embedded SQLite store otherwise.
 */
export function createCollabStack(config: ServerConfig): CollabStack {
  const logger = pino({ level: config.logLevel, base: { service: 'mockboard' } })
  let storage: RoomStorage
  let bus: RoomBus | undefined
  let directory: RoomDirectory
  let sessionStore: SessionStore
  let legacy: LegacySessions
  let backfill: () => Promise<void> = async () => undefined
  const redisTarget = redisTargetOf(config)
  if (redisTarget) {
    const serverId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 6)}`
    const connect = (role: RedisRole) => {
      const redis = connectRedis(redisTarget, role)
      redis.on('error', (error: unknown) => logger.warn({ err: error, role }, 'redis connection error'))
      return redis
    }
    const storageConnection = connect('storage')
    storage = new RedisRoomStorage(storageConnection, { serverId, prefix: config.redisPrefix })
    const redisDirectory = new RedisRoomDirectory(storageConnection, config.redisPrefix)
    directory = redisDirectory
    backfill = async () => {
      await migrateLogKeys(storageConnection, config.redisPrefix, logger)
      await redisDirectory.backfillUserIndex()
    }
    const redisSessions = new RedisSessionStore(storageConnection, config.redisPrefix)
    sessionStore = redisSessions
    legacy = redisSessions.legacy()
    bus = new RedisRoomBus(connect('publisher'), connect('subscriber'), {
      serverId,
      prefix: config.redisPrefix,
      logger,
    })
    logger.info({ serverId, redis: redisTarget.kind }, 'redis mode')
  } else {
    const db = openSqlite(config.dataDir, config.sqliteSynchronous)
    storage = new SqliteRoomStorage({ db })
    directory = new SqliteRoomDirectory(db)
    const sqliteSessions = new SqliteSessionStore(db)
    sessionStore = sqliteSessions
    legacy = sqliteSessions.legacy()
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
    currentRole: async (roomId, userId) => (await directory.getMember(roomId, userId))?.role ?? null,
  })
  const access = new RoomAccess(directory, async (roomId, userId) => {
    await collab.announceAccessChange(roomId, userId)
    const member = await directory.getMember(roomId, userId)
    if (member) await sessions.noteRoleChange(roomId, member)
  })
  const sessions = new SessionService({ rooms: collab.rooms, access, store: sessionStore })
  const sheets = new RubricSheets({ access, store: sessionStore, sessions })
  const boards = new BoardService({ access, rooms: collab.rooms, storage, sessions: sessionStore })
  const replay = new ReplayService({ access, storage, sessions: sessionStore })
  return {
    collab,
    storage,
    logger,
    mode: bus ? 'redis' : 'embedded',
    access,
    authSecret,
    sessions,
    sheets,
    boards,
    replay,
    async migrate() {
      await backfill()
      await migrateLegacySessions({ legacy, store: sessionStore, storage, directory, logger })
    },
    async close() {
      await collab.close()
      await bus?.close()
      await storage.close()
    },
  }
}

/** Closes `stack` and exits on SIGINT/SIGTERM, so accepted edits are flushed first. */
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
}
