import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { tempDataDir } from '../support/collabServers'
import { freePort } from '../support/ports'
import { stopProcess } from '../support/processes'
import { processCpuMs, processRssKb } from './processStats'
import { pin } from './cpuSplit'
import { TEST_AUTH_SECRET } from '../support/tokens'
import { addMembers } from '../support/members'
import { BENCH_USER } from './benchUser'
import { redisConfig } from '@/server/redis/redisConnection'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** Which wire protocol a server speaks. */
export type Protocol = 'y-websocket' | 'hocuspocus'

/** A server under test, in its own process. */
export interface BenchServer {
  name: string
  protocol: Protocol
  port: number
  /** Base URL: y-websocket clients append `/<room>`; Hocuspocus clients use it as is. */
  url: string
  pid: number
  cpuMs(): number
  rssKb(): number
  stop(): Promise<void>
  /**
   * Mockboard only: makes the bench's user (`BENCH_USER`) an interviewer of
   * `room`, as accepting an invite would. Our servers decide every
   * connection with the member's current role, so the bench admits its user
   * to each room before connecting; the peers need no such step.
   */
  admit?(room: string): Promise<void>
  /** Mockboard only: its frame counters (`/metrics`): frames received from clients and sent to them. */
  frames?(): Promise<{ in: number; out: number }>
}

export { BENCH_USER }

/** Admits {@link BENCH_USER} to `room` on `server` when it needs it (Mockboard); a no-op for peers. */
export async function admit(server: BenchServer, room: string): Promise<void> {
  await server.admit?.(room)
}

async function spawnServer(
  name: string,
  protocol: Protocol,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  urlFor: (port: number) => string,
  root = ROOT
): Promise<BenchServer> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // Load clients sign collab tokens with it; peers ignore it.
      AUTH_SECRET: TEST_AUTH_SECRET,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  pin(child.pid, 'servers')
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL') // never leave a half-started server behind
      reject(new Error(`${name} did not start:\n${output}`))
    }, 60_000) // generous: on a shared, busy machine a tsx-compiled server can take 20 s to start
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (ready.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${output}`)))
  })
  // Keep draining output so a chatty server never blocks on a full pipe.
  child.stdout!.resume()
  child.stderr!.resume()
  return {
    name,
    protocol,
    port,
    url: urlFor(port),
    pid: child.pid!,
    cpuMs: () => processCpuMs(child.pid!),
    rssKb: () => processRssKb(child.pid!),
    stop: () => stopProcess(child, 'SIGKILL'),
  }
}

/**
 * Mockboard's standalone collab server: embedded SQLite in a temp dir, or
 * Redis mode with `redisUrl`. `root` runs another checkout's server (with
 * its own `node_modules`), for a before/after comparison on one machine.
 */
export async function startMockboard(options: { redisUrl?: string; root?: string } = {}): Promise<BenchServer> {
  const data = tempDataDir()
  const env: Record<string, string> = {
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : { DATA_DIR: data.dir }),
    // Every bench client connects as one user (BENCH_USER), up to 1,000 sockets: lift the per-user socket quota
    // (32 by default), which would otherwise refuse all but the first 32 observers.
    COLLAB_SOCKETS_PER_USER: '1000000',
  }
  const server = await spawnServer(
    options.redisUrl ? 'mockboard+redis' : 'mockboard',
    'y-websocket',
    ['--import', 'tsx', 'server/collab-main.ts'],
    { ...env, LOG_LEVEL: 'info' },
    /collab server listening/,
    (port) => `ws://127.0.0.1:${port}/collab`,
    options.root
  ).catch((error: unknown) => {
    data.remove()
    throw error
  })
  const stop = server.stop
  const target = options.redisUrl ? { redis: redisConfig(options.redisUrl) } : { dataDir: data.dir }
  return {
    ...server,
    admit: (room) => addMembers(target, room, [{ userId: BENCH_USER, role: 'interviewer' }]),
    frames: () => frameCounters(server.port),
    stop: async () => (await stop(), data.remove()),
  }
}

/** The reference server, `@y/websocket-server@0.1.1` (yjs 13), without persistence. */
export function startReference(): Promise<BenchServer> {
  return spawnServer(
    'reference',
    'y-websocket',
    ['node_modules/@y/websocket-server/src/server.js'],
    {},
    /running at/,
    (port) => `ws://127.0.0.1:${port}`
  )
}

/** Hocuspocus 4 with its Redis extension, on `redisUrl`. */
export function startHocuspocus(redisUrl: string): Promise<BenchServer> {
  return spawnServer(
    'hocuspocus+redis',
    'hocuspocus',
    ['--import', 'tsx', 'tests/bench/peers/hocuspocusServer.ts'],
    { REDIS_URL: redisUrl },
    /hocuspocus listening/,
    (port) => `ws://127.0.0.1:${port}`
  )
}

/** A Mockboard server's frame counters, read from its `/metrics` (open to loopback). */
async function frameCounters(port: number): Promise<{ in: number; out: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()
  const counter = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? Number.NaN)
  return { in: counter('mockboard_frames_in_total'), out: counter('mockboard_frames_out_total') }
}
