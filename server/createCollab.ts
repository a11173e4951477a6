import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { Redis } from 'ioredis'
import pino, { type Logger } from 'pino'
import { createBoardSchema } from '@/lib/board/boardSchema'
import type { ServerConfig } from './config'
import { CollabServer } from './collab/CollabServer'
import { SqliteRoomStorage } from './storage/SqliteRoomStorage'
import type { RoomStorage } from './storage/RoomStorage'
import type { RoomBus } from './rooms/RoomBus'
import { RedisRoomStorage } from './redis/RedisRoomStorage'
import { RedisRoomBus } from './redis/RedisRoomBus'

/** A collab server with its storage, ready to take upgrades. */
export interface CollabStack {
  collab: CollabServer
  storage: RoomStorage
  logger: Logger
  /** `embedded` (SQLite, one process) or `redis` (many servers). */
  mode: 'embedded' | 'redis'
  /** Closes connections, flushes rooms, then closes storage. */
  close(): Promise<void>
}

/**
 * Builds the collab server the configuration asks for: Redis storage and
 * fan-out when `REDIS_URL` is set, the embedded SQLite store otherwise.
 */
export function createCollabStack(config: ServerConfig): CollabStack {
  const logger = pino({ level: config.logLevel, base: { service: 'mockboard' } })
  let storage: RoomStorage
  let bus: RoomBus | undefined
  if (config.redisUrl) {
    const serverId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 6)}`
    const connect = (role: string) => {
      const redis = new Redis(config.redisUrl!, { maxRetriesPerRequest: 5, connectionName: `mockboard-${role}` })
      redis.on('error', (error) => logger.warn({ err: error, role }, 'redis connection error'))
      return redis
    }
    storage = new RedisRoomStorage(connect('storage'), { serverId, prefix: config.redisPrefix })
    bus = new RedisRoomBus(connect('publisher'), connect('subscriber'), {
      serverId,
      prefix: config.redisPrefix,
      logger,
    })
    logger.info({ serverId }, 'redis mode')
  } else {
    storage = new SqliteRoomStorage({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous })
  }
  const collab = new CollabServer({
    storage,
    bus,
    schema: createBoardSchema(),
    logger,
    maxFrameBytes: config.maxFrameBytes,
  })
  return {
    collab,
    storage,
    logger,
    mode: bus ? 'redis' : 'embedded',
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
