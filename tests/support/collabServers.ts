import http from 'node:http'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { isCollabRequest, type CollabServer } from '@/server/collab/CollabServer'
import type { RoomStorage } from '@/server/storage/RoomStorage'
import type { RoomDirectory } from '@/server/access/RoomDirectory'
import { readServerConfig, type ServerConfig } from '@/server/config'
import { createCollabStack, type CollabStack, type CollabStackOptions } from '@/server/createCollab'
import { redisEnv, type RedisConfig } from '@/server/redis/redisConnection'
import { TEST_AUTH_SECRET } from './tokens'

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
  /** Everything `createCollabStack` built for this server (services included). */
  stack: CollabStack
  close(): Promise<void>
}

/** Options of a test collab server: the server's own, and whether it decides with the directory's roles. */
export type TestCollabOptions = NonNullable<CollabStackOptions['collab']> & {
  /**
   * Decide every connection's rights with the member's current role in
   * `directory`, as the servers do (the token then proves identity only).
   * Off by default: older tests trust the role in their test tokens.
   */
  checkMembers?: boolean
  /** The clock of the server's session services. Default: `Date.now`. */
  now?: () => number
  /** More environment for the server's configuration (e.g. `AUDIO_DIR`), as an operator would set it. */
  env?: Record<string, string>
  /** Drops incoming Redis pub/sub messages on channels it returns true for (a lost message). */
  dropIncoming?: (channel: string) => boolean
}

/**
 * Where a server keeps rooms: SQLite in a directory, or Redis (one node, a
 * cluster or Sentinel; with this server's bus name).
 */
export type StorageTarget = { dataDir: string } | { redis: RedisConfig; serverId?: string }

/**
 * The environment that points a server at `target`: `DATA_DIR`, or
 * `REDIS_URL` (one node) / `REDIS_CLUSTER_NODES` (a cluster) / `REDIS_SENTINELS`
 * and `REDIS_SENTINEL_NAME` (Sentinel), and `REDIS_PREFIX`.
 */
export function storageEnv(target: StorageTarget): Record<string, string> {
  return 'dataDir' in target ? { DATA_DIR: target.dataDir } : redisEnv(target.redis)
}

/** The configuration a test server on `target` runs with: production defaults, the test secret, no logs. */
export function testServerConfig(target: StorageTarget, extraEnv: Record<string, string> = {}): ServerConfig {
  const env = { ...storageEnv(target), AUTH_SECRET: TEST_AUTH_SECRET, LOG_LEVEL: 'silent', ...extraEnv }
  return readServerConfig(env as unknown as NodeJS.ProcessEnv)
}

let serverCount = 0

/**
 * Starts a collab server in this process, on the embedded store or in Redis
 * mode, built by `createCollabStack` as the real servers are. Empty rooms
 * unload after 50 ms (2 s in production) unless `options` say otherwise.
 */
export async function startInProcessCollab(
  target: StorageTarget,
  options: TestCollabOptions = {}
): Promise<InProcessCollab> {
  const { checkMembers, now, env, dropIncoming, ...collabOptions } = options
  const stack = createCollabStack(testServerConfig(target, env), {
    logger: pino({ level: 'silent' }),
    serverId: 'redis' in target ? (target.serverId ?? `test-${process.pid}-${++serverCount}`) : undefined,
    now,
    dropIncoming,
    roles: checkMembers ? 'directory' : 'token',
    collab: { roomUnloadDelayMs: 50, ...collabOptions },
  })
  // PostgreSQL's schema must exist before the stores are used (the servers migrate before serving too).
  if (stack.postgres) await stack.migrate()
  const server = http.createServer((_req, res) => res.writeHead(404).end())
  server.on('upgrade', (req, socket, head) => {
    if (isCollabRequest(req.url)) stack.collab.handleUpgrade(req, socket, head)
    else socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `ws://127.0.0.1:${port}/collab`,
    port,
    collab: stack.collab,
    storage: stack.storage,
    directory: stack.directory,
    stack,
    async close() {
      await stack.close()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
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
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/collab-main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      AUTH_SECRET: TEST_AUTH_SECRET,
      ...storageEnv(target),
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
