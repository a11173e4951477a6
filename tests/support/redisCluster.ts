import { execFile, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { killOnExit, stopProcess } from './processes'
import { redisClusterConfig, type RedisConfig } from '@/server/redis/redisConnection'
import { redisServerArgs, spawnRedisServer } from './redisProcess'

const run = promisify(execFile)

/** Lowest and highest client port tried; the cluster bus uses port + 10000, so stay below 55535. */
const PORT_MIN = 20_000
const PORT_MAX = 45_000

/** One redis-server of the cluster. */
interface ClusterNode {
  port: number
  dir: string
  child: ChildProcess | null
  /** Forgets the child once stopped (see {@link killOnExit}). */
  untrack?: () => void
}

/**
 * A real Redis Cluster on loopback: 6 `redis-server`s (3 primaries, 3
 * replicas by default) in cluster mode, each with its own data dir under one
 * temp dir, AOF on (`appendfsync always`) and `noeviction`, as the README
 * asks for production. Start one per test file (beforeAll) and `destroy()`
 * it after; every process is stopped by its PID and the temp dir removed,
 * also when a test failed (and, as a last resort, when the process exits).
 *
 * @example
 * ```ts
 * const cluster = await RedisCluster.start()
 * const env = { REDIS_CLUSTER_NODES: cluster.nodesList }
 * await cluster.destroy()
 * ```
 */
export class RedisCluster {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'mockboard-redis-cluster-'))
  private readonly nodes: ClusterNode[]

  private constructor(ports: number[]) {
    this.nodes = ports.map((port) => ({ port, dir: path.join(this.dir, String(port)), child: null }))
  }

  /** Starts `primaries` × (1 + `replicasPerPrimary`) nodes, creates the cluster and waits for `cluster_state:ok`. */
  static async start(options: { primaries?: number; replicasPerPrimary?: number } = {}): Promise<RedisCluster> {
    const primaries = options.primaries ?? 3
    const replicas = options.replicasPerPrimary ?? 1
    const cluster = new RedisCluster(await freeClusterPorts(primaries * (1 + replicas)))
    try {
      await Promise.all(cluster.nodes.map((node) => cluster.startNode(node)))
      await run('redis-cli', [
        '--cluster',
        'create',
        ...cluster.nodes.map((n) => `127.0.0.1:${n.port}`),
        '--cluster-replicas',
        String(replicas),
        '--cluster-yes',
      ])
      await cluster.waitUntilOk()
      await cluster.waitForReplicas(replicas)
    } catch (error) {
      await cluster.destroy()
      throw error
    }
    return cluster
  }

  /** Seed nodes as `REDIS_CLUSTER_NODES` takes them: `127.0.0.1:P1,127.0.0.1:P2,…`. */
  get nodesList(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',')
  }

  /** How servers, stores and test clients reach this cluster (default key prefix). */
  get config(): RedisConfig {
    return redisClusterConfig(this.nodesList)
  }

  /** Every node's port. */
  get ports(): number[] {
    return this.nodes.map((n) => n.port)
  }

  /** The redis-server PID listening on `port`, or null when that node is stopped. */
  pidOf(port: number): number | null {
    return this.node(port).child?.pid ?? null
  }

  /** Sends a command to one node with redis-cli and returns its output. */
  async cli(port: number, ...args: string[]): Promise<string> {
    const { stdout } = await run('redis-cli', ['-p', String(port), ...args])
    return stdout
  }

  /** Ports of the current primaries (as the first live node reports). */
  async primaryPorts(): Promise<number[]> {
    return (await this.clusterNodes()).filter((n) => n.primary && n.slots.length > 0).map((n) => n.port)
  }

  /** The port of the primary that owns `key`'s slot. */
  async primaryOf(key: string): Promise<number> {
    const live = this.nodes.find((n) => n.child)!
    const slot = Number((await this.cli(live.port, 'cluster', 'keyslot', key)).trim())
    const owner = (await this.clusterNodes()).find((n) => n.primary && n.slots.some(([a, b]) => slot >= a && slot <= b))
    if (!owner) throw new Error(`no primary owns slot ${slot}`)
    return owner.port
  }

  /**
   * The port of a replica of the primary at `port`. Waits up to 15 s for one:
   * right after the cluster forms, a primary may not have heard of its
   * replica yet (gossip), especially on a loaded machine.
   */
  async replicaOf(port: number): Promise<number> {
    const deadline = Date.now() + 15_000
    for (;;) {
      const lines = (await this.cli(port, 'cluster', 'nodes')).split('\n').map((line) => line.trim().split(' '))
      const id = lines.find((f) => f[2]?.split(',').includes('myself'))?.[0]
      const replica = lines.find((f) => f[2]?.split(',').includes('slave') && f[3] === id)
      if (replica) return Number(/:(\d+)@/.exec(replica[1]!)?.[1])
      if (Date.now() > deadline) throw new Error(`no replica of ${port}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  /** `CLUSTER NODES` as the first live node sees it: healthy nodes, their role and slot ranges. */
  private async clusterNodes(): Promise<{ port: number; primary: boolean; slots: [number, number][] }[]> {
    const live = this.nodes.find((n) => n.child)
    if (!live) return []
    return (await this.cli(live.port, 'cluster', 'nodes'))
      .split('\n')
      .map((line) => line.trim().split(' '))
      .filter((f) => f.length >= 8 && !f[2]!.includes('fail') && f[7] === 'connected')
      .map((f) => ({
        port: Number(/:(\d+)@/.exec(f[1]!)?.[1]),
        primary: f[2]!.split(',').includes('master'),
        slots: f.slice(8).map((r) => {
          const [a, b] = r.split('-').map(Number)
          return [a!, b ?? a!] as [number, number]
        }),
      }))
  }

  /** Deletes every key on every primary (between tests that share the cluster). */
  async flush(): Promise<void> {
    await Promise.all((await this.primaryPorts()).map((port) => this.cli(port, 'flushall')))
  }

  /** Stops one node (SIGKILL by default: a crash) and waits until it has exited. */
  async stopNode(port: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const node = this.node(port)
    const child = node.child
    node.child = null
    await stopProcess(child, signal)
    node.untrack?.()
  }

  /** Waits until every live node reports `cluster_state:ok` (after creation or a failover). */
  async waitUntilOk(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const states = await Promise.all(
        this.nodes.filter((n) => n.child).map((n) => this.cli(n.port, 'cluster', 'info').catch(() => ''))
      )
      if (states.every((s) => s.includes('cluster_state:ok'))) return
      if (Date.now() > deadline) throw new Error(`cluster not ok after ${timeoutMs} ms:\n${states.join('\n')}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /**
   * After a primary at `deadPort` was stopped: waits until its slots belong
   * to a live primary (a replica took over) and the cluster is ok again.
   * Resolves with the new primary's port for `key`'s slot.
   */
  async waitForFailover(deadPort: number, key: string, timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const owner = await this.primaryOf(key).catch(() => deadPort)
      if (owner !== deadPort && this.pidOf(owner) !== null) {
        await this.waitUntilOk(Math.max(1_000, deadline - Date.now()))
        return owner
      }
      if (Date.now() > deadline) throw new Error(`no failover of ${deadPort} after ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /**
   * Waits until every primary has `count` replicas online: connected and past
   * their first full sync, so a failover then promotes a copy of the data.
   */
  async waitForReplicas(count: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const primaries = await this.primaryPorts()
      const infos = await Promise.all(primaries.map((p) => this.cli(p, 'info', 'replication').catch(() => '')))
      const ready = infos.every((i) => (i.match(/^slave\d+:.*state=online/gm) ?? []).length >= count)
      if (primaries.length > 0 && ready) return
      if (Date.now() > deadline) throw new Error(`replicas not connected after ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /** Stops every node and deletes the temp dir. Safe to call twice. */
  async destroy(): Promise<void> {
    await Promise.all(this.nodes.map((n) => this.stopNode(n.port)))
    rmSync(this.dir, { recursive: true, force: true })
  }

  private node(port: number): ClusterNode {
    const node = this.nodes.find((n) => n.port === port)
    if (!node) throw new Error(`no node on port ${port}`)
    return node
  }

  private async startNode(node: ClusterNode): Promise<void> {
    mkdirSync(node.dir, { recursive: true })
    const child = await spawnRedisServer([
      ...redisServerArgs({ port: node.port, dir: node.dir, appendfsync: 'always' }),
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      'nodes.conf',
      // A failed primary is replaced after 2 s of silence (Redis's default is 15 s).
      '--cluster-node-timeout',
      '2000',
      // A replica may take over however long ago it last heard from its
      // primary (a cluster created a moment ago has replicated nothing yet).
      '--cluster-replica-validity-factor',
      '0',
      // Start a replica's first sync at once (Redis waits 5 s for more replicas by default).
      '--repl-diskless-sync-delay',
      '0',
    ])
    node.child = child
    node.untrack = killOnExit(child)
  }
}

/** `count` ports whose bus ports (port + 10000) are free too, all below 55535. */
async function freeClusterPorts(count: number): Promise<number[]> {
  const ports: number[] = []
  while (ports.length < count) {
    const port = PORT_MIN + Math.floor(Math.random() * (PORT_MAX - PORT_MIN))
    if (ports.includes(port) || ports.includes(port + 10_000) || ports.includes(port - 10_000)) continue
    if ((await isFree(port)) && (await isFree(port + 10_000))) ports.push(port)
  }
  return ports
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}
