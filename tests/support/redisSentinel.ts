import { execFile, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { redisSentinelConfig, type RedisConfig } from '@/server/redis/redisConnection'
import { freePort } from './ports'
import { killOnExit, stopProcess } from './processes'
import { redisServerArgs, spawnRedisServer } from './redisProcess'

const run = promisify(execFile)

/** The name the harness's Sentinels monitor the primary under (`REDIS_SENTINEL_NAME`). */
export const SENTINEL_PRIMARY_NAME = 'mockboard'

/** One process of the deployment: a data node (primary or replica) or a Sentinel. */
interface Node {
  port: number
  dir: string
  sentinel: boolean
  child: ChildProcess | null
  /** Forgets the child once stopped (see {@link killOnExit}). */
  untrack?: () => void
}

/**
 * A real Redis Sentinel deployment on loopback: a primary, one replica and
 * three Sentinels (quorum 2) in one temp dir. Data nodes run as the README
 * asks for production (AOF, `appendfsync always`, `noeviction`). A primary
 * silent for 1 s is down (`down-after-milliseconds`), so a failover takes a
 * few seconds. `start()` returns once every Sentinel names the primary, knows
 * the replica and the other two Sentinels, and the replica has finished its
 * first sync. `destroy()` stops every process by its PID and removes the dir,
 * also when starting failed.
 *
 * @example
 * ```ts
 * const sentinel = await RedisSentinel.start()
 * const server = await startInProcessCollab({ redis: sentinel.config })
 * await sentinel.destroy()
 * ```
 */
export class RedisSentinel {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'mockboard-redis-sentinel-'))
  private readonly nodes: Node[] = []

  private constructor() {}

  /** Starts the primary, its replica and three Sentinels, and waits until all agree. */
  static async start(): Promise<RedisSentinel> {
    const deployment = new RedisSentinel()
    try {
      const primary = await deployment.startDataNode(null)
      await deployment.startDataNode(primary)
      await deployment.waitForReplicaOnline(primary)
      for (let i = 0; i < 3; i++) await deployment.startSentinel(primary)
      await deployment.waitUntilAgreed(primary)
    } catch (error) {
      await deployment.destroy()
      throw error
    }
    return deployment
  }

  /** How servers and test clients reach the primary through the Sentinels (default key prefix). */
  get config(): RedisConfig {
    const list = this.ports('sentinel').map((port) => `127.0.0.1:${port}`)
    return redisSentinelConfig(list.join(','), SENTINEL_PRIMARY_NAME)
  }

  /** The primary's port, as the first live Sentinel names it. */
  async primaryPort(): Promise<number> {
    const [port] = await this.primaryAsSeenBySentinels()
    if (port === undefined) throw new Error('no live sentinel')
    return port
  }

  /**
   * The channel counts (`sub=` of `CLIENT LIST`) of the connections named
   * `name` on the data node at `port`, e.g. the servers' `mockboard-subscriber`s.
   */
  async subscriptions(port: number, name: string): Promise<number[]> {
    const lines = (await this.cli(port, 'client', 'list')).split('\n')
    return lines.filter((l) => l.includes(` name=${name} `)).map((l) => Number(/ sub=(\d+)/.exec(l)?.[1]))
  }

  /** The port of the data node that is not `primary` (the replica, before a failover). */
  replicaOf(primary: number): number {
    return this.ports('data').find((p) => p !== primary)!
  }

  /** The PID of the process on `port`, or null when it is stopped. */
  pidOf(port: number): number | null {
    return this.nodes.find((n) => n.port === port)?.child?.pid ?? null
  }

  /** Stops the data node or Sentinel on `port` (SIGKILL by default: a crash) and waits until it has exited. */
  async stopNode(port: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const node = this.nodes.find((n) => n.port === port)
    if (!node) throw new Error(`no node on port ${port}`)
    const child = node.child
    node.child = null
    await stopProcess(child, signal)
    node.untrack?.()
  }

  /**
   * After the primary at `deadPort` was stopped: waits until every live
   * Sentinel names another primary and that node says it is one (`role:master`).
   * Resolves with its port.
   */
  async waitForFailover(deadPort: number, timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const named = await this.primaryAsSeenBySentinels().catch(() => [])
      const port = named[0]
      if (port !== undefined && port !== deadPort && named.every((p) => p === port)) {
        const info = await this.cli(port, 'info', 'replication').catch(() => '')
        if (info.includes('role:master')) return port
      }
      if (Date.now() > deadline) throw new Error(`no failover from ${deadPort} after ${timeoutMs} ms`)
      await pause(100)
    }
  }

  /** Stops every process and deletes the temp dir. Safe to call twice. */
  async destroy(): Promise<void> {
    await Promise.all(this.nodes.map((n) => this.stopNode(n.port)))
    rmSync(this.dir, { recursive: true, force: true })
  }

  private ports(kind: 'data' | 'sentinel'): number[] {
    return this.nodes.filter((n) => n.sentinel === (kind === 'sentinel')).map((n) => n.port)
  }

  /** Sends a command to one node with redis-cli and returns its output. */
  async cli(port: number, ...args: string[]): Promise<string> {
    const { stdout } = await run('redis-cli', ['-p', String(port), ...args])
    return stdout
  }

  /** The primary's port as each live Sentinel reports it (`SENTINEL GET-MASTER-ADDR-BY-NAME`). */
  private async primaryAsSeenBySentinels(): Promise<number[]> {
    const live = this.nodes.filter((n) => n.sentinel && n.child)
    const answers = await Promise.all(
      live.map((n) => this.cli(n.port, 'sentinel', 'get-master-addr-by-name', SENTINEL_PRIMARY_NAME))
    )
    return answers.map((a) => Number(a.trim().split('\n')[1]))
  }

  /** Starts a data node: the primary (`primary` null) or a replica of the primary on that port. */
  private async startDataNode(primary: number | null): Promise<number> {
    const node = this.addNode(await freePort(), false)
    const child = await spawnRedisServer([
      ...redisServerArgs({ port: node.port, dir: node.dir, appendfsync: 'always' }),
      // Start a replica's first sync at once (Redis waits 5 s for more replicas by default).
      '--repl-diskless-sync-delay',
      '0',
      ...(primary === null ? [] : ['--replicaof', '127.0.0.1', String(primary)]),
    ])
    this.track(node, child)
    return node.port
  }

  private async startSentinel(primary: number): Promise<void> {
    const node = this.addNode(await freePort(), true)
    const name = SENTINEL_PRIMARY_NAME
    const conf = path.join(node.dir, 'sentinel.conf') // Sentinel rewrites its config file: one per Sentinel
    writeFileSync(
      conf,
      [
        `port ${node.port}`,
        'bind 127.0.0.1',
        'protected-mode no',
        `dir ${node.dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${primary} 2`,
        // Down after 1 s of silence (30 s by default); a failover that stalls is retried after 2 × 2 s.
        `sentinel down-after-milliseconds ${name} 1000`,
        `sentinel failover-timeout ${name} 2000`,
        `sentinel parallel-syncs ${name} 1`,
      ].join('\n') + '\n'
    )
    this.track(node, await spawnRedisServer([conf], { command: 'redis-sentinel', readyLine: '+monitor master' }))
  }

  private addNode(port: number, sentinel: boolean): Node {
    const node: Node = { port, dir: path.join(this.dir, String(port)), sentinel, child: null }
    mkdirSync(node.dir, { recursive: true })
    this.nodes.push(node)
    return node
  }

  private track(node: Node, child: ChildProcess): void {
    node.child = child
    node.untrack = killOnExit(child)
  }

  /** Waits until the primary reports its replica online (first sync done) and the replica its link up. */
  private async waitForReplicaOnline(primary: number, timeoutMs = 20_000): Promise<void> {
    const replica = this.ports('data').find((p) => p !== primary)!
    await waitFor(timeoutMs, 'the replica to finish its first sync', async () => {
      const [own, theirs] = await Promise.all([
        this.cli(primary, 'info', 'replication'),
        this.cli(replica, 'info', 'replication'),
      ])
      return (
        /^slave0:.*state=online/m.test(own) &&
        theirs.includes('master_link_status:up') &&
        theirs.includes('master_sync_in_progress:0')
      )
    })
  }

  /** Waits until every Sentinel names `primary`, knows its replica and the two other Sentinels. */
  private async waitUntilAgreed(primary: number, timeoutMs = 20_000): Promise<void> {
    await waitFor(timeoutMs, 'the sentinels to agree', async () => {
      const states = await Promise.all(
        this.ports('sentinel').map(async (port) =>
          fields(await this.cli(port, 'sentinel', 'master', SENTINEL_PRIMARY_NAME))
        )
      )
      return states.every(
        (s) =>
          s.get('port') === String(primary) &&
          s.get('flags') === 'master' &&
          s.get('num-slaves') === '1' &&
          s.get('num-other-sentinels') === '2'
      )
    })
  }
}

/** `redis-cli`'s output of a flat field/value reply (one per line) as a map. */
function fields(output: string): Map<string, string> {
  const lines = output.trim().split('\n')
  const map = new Map<string, string>()
  for (let i = 0; i + 1 < lines.length; i += 2) map.set(lines[i]!, lines[i + 1]!)
  return map
}

async function waitFor(timeoutMs: number, what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await pause(100)
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
