import pino, { type Logger } from 'pino'
import { createBoardSchema } from '@/lib/board/boardSchema'
import type { ServerConfig } from './config'
import { CollabServer } from './collab/CollabServer'
import { SqliteRoomStorage } from './storage/SqliteRoomStorage'
import type { RoomStorage } from './storage/RoomStorage'

/** A collab server with its storage, ready to take upgrades. */
export interface CollabStack {
  collab: CollabServer
  storage: RoomStorage
  logger: Logger
  /** Closes connections, flushes rooms, then closes storage. */
  close(): Promise<void>
}

/** Builds the collab server the configuration asks for (the embedded SQLite store). */
export function createCollabStack(config: ServerConfig): CollabStack {
  const logger = pino({ level: config.logLevel, base: { service: 'mockboard' } })
  const storage = new SqliteRoomStorage({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous })
  const collab = new CollabServer({
    storage,
    schema: createBoardSchema(),
    logger,
    maxFrameBytes: config.maxFrameBytes,
  })
  return {
    collab,
    storage,
    logger,
    async close() {
      await collab.close()
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
