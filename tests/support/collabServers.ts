import http from 'node:http'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { CollabServer, isCollabRequest, type CollabServerOptions } from '@/server/collab/CollabServer'
import { SqliteRoomStorage } from '@/server/storage/SqliteRoomStorage'
import type { RoomStorage } from '@/server/storage/RoomStorage'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import { RedisRoomBus } from '@/server/redis/RedisRoomBus'
import type { RoomBus } from '@/server/rooms/RoomBus'
import { openSqlite } from '@/server/storage/openSqlite'
import type { RoomDirectory } from '@/server/access/RoomDirectory'
import { SqliteRoomDirectory } from '@/server/access/SqliteRoomDirectory'
import { RedisRoomDirectory } from '@/server/access/RedisRoomDirectory'
import { TEST_AUTH_SECRET } from './tokens'
import { DEFAULT_REDIS_PREFIX } from '@/server/redis/redisKeys'
import { connectTestRedis, redisEnv, type RedisStorageTarget } from './redisTargets'

/** A fresh temporary data directory; remove it with the returned function. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-test-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A collab server in this process, on a free loopback port. */
export interface InProcessCollab {
  /** `ws://127.0.0.1:<port>/collab` */
  url: string
  port: number
  collab: CollabServer
  storage: RoomStorage
  /** The room directory beside the storage (shared by every server of a Redis cluster). */
  directory: RoomDirectory
  close(): Promise<void>
}

/** Options of a test collab server: the server's own, and whether it decides with the directory's roles. */
export type TestCollabOptions = Partial<Omit<CollabServerOptions, 'storage' | 'schema' | 'logger'>> & {
  /**
   * Decide every connection's rights with the member's current role in
   * `directory`, as `createCollabStack` does (the token then proves identity
   * only). Off by default: older tests trust the role in their test tokens.
   */
  checkMembers?: boolean
}

/** Where an in-process server keeps rooms: SQLite in a directory, or Redis (one node or a cluster). */
export type StorageTarget = { dataDir: string } | RedisStorageTarget

let serverCount = 0

/** Starts a collab server in this process, on the embedded store or in Redis mode. */
export async function startInProcessCollab(
  target: StorageTarget,
  options: TestCollabOptions = {}
): Promise<InProcessCollab> {
  const { checkMembers, ...collabOptions } = options
  const logger = pino({ level: 'silent' })
  let storage: RoomStorage
  let directory: RoomDirectory
  let bus: RoomBus | undefined
  if ('dataDir' in target) {
    const db = openSqlite(target.dataDir)
    storage = new SqliteRoomStorage({ db })
    directory = new SqliteRoomDirectory(db)
  } else {
    const serverId = target.serverId ?? `test-${process.pid}-${++serverCount}`
    const storageConnection = connectTestRedis(target, 'storage')
    storage = new RedisRoomStorage(storageConnection, { serverId, prefix: DEFAULT_REDIS_PREFIX })
    directory = new RedisRoomDirectory(storageConnection, DEFAULT_REDIS_PREFIX)
    bus = new RedisRoomBus(connectTestRedis(target, 'publisher'), connectTestRedis(target, 'subscriber'), {
      serverId,
      prefix: DEFAULT_REDIS_PREFIX,
      logger,
    })
  }
  const collab = new CollabServer({
    storage,
    bus,
    authSecret: TEST_AUTH_SECRET,
    schema: createBoardSchema(),
    logger,
    roomUnloadDelayMs: 50,
    // The same wiring as createCollabStack.
    currentRole: checkMembers ? async (room, user) => (await directory.getMember(room, user))?.role ?? null : undefined,
    ...collabOptions,
  })
  const server = http.createServer((_req, res) => res.writeHead(404).end())
  server.on('upgrade', (req, socket, head) => {
    if (isCollabRequest(req.url)) collab.handleUpgrade(req, socket, head)
    else socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `ws://127.0.0.1:${port}/collab`,
    port,
    collab,
    storage,
    directory,
    async close() {
      await collab.close()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await bus?.close()
      await storage.close()
    },
  }
}

/** A collab server running as its own process (`server/collab-main.ts`), so tests can kill it. */
export interface CollabProcess {
  url: string
  port: number
  child: ChildProcess
  /** Everything the process printed so far (JSON log lines). */
  readonly output: () => string
  /** Sends `signal` and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

const ROOT = path.resolve(import.meta.dirname, '../..')

/**
 * Spawns the standalone collab server on `port` (0 picks a free one) with
 * its rooms in `target`, and resolves once it is listening.
 */
export async function spawnCollabProcess(target: StorageTarget, port = 0): Promise<CollabProcess> {
  const storageEnv = 'dataDir' in target ? { DATA_DIR: target.dataDir } : redisEnv(target)
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/collab-main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      AUTH_SECRET: TEST_AUTH_SECRET,
      ...storageEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  const listeningPort = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /"port":(\d+).*collab server listening/.exec(output)
      if (match) resolve(Number(match[1]))
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`collab server exited (${code}) before listening:\n${output}`)))
    setTimeout(() => reject(new Error(`collab server did not start:\n${output}`)), 20_000).unref()
  })
  return {
    url: `ws://127.0.0.1:${listeningPort}/collab`,
    port: listeningPort,
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
