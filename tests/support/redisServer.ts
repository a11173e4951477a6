import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from './ports'
import { stopProcess } from './processes'
import { redisServerArgs, spawnRedisServer } from './redisProcess'
import { redisConfig, type RedisConfig } from '@/server/redis/redisConnection'

/**
 * A real `redis-server` on a free loopback port with its data in a temp dir,
 * configured as the README asks for production (AOF on, noeviction), so a
 * restart keeps everything.
 */
export class RedisServer {
  private child: ChildProcess | null = null
  readonly dir = mkdtempSync(path.join(tmpdir(), 'mockboard-redis-'))

  private constructor(
    readonly port: number,
    private readonly appendfsync: 'always' | 'everysec'
  ) {}

  /**
   * Starts a new server and waits until it accepts connections. Tests use
   * `appendfsync always`; benchmarks may use Redis's default `everysec`.
   */
  static async start(options: { appendfsync?: 'always' | 'everysec' } = {}): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), options.appendfsync ?? 'always')
    await server.restart()
    return server
  }

  /** The redis-server process id (for CPU readings), or null when stopped. */
  get pid(): number | null {
    return this.child?.pid ?? null
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  /** How servers, stores and test clients reach this server (default key prefix). */
  get config(): RedisConfig {
    return redisConfig(this.url)
  }

  /** (Re)starts redis-server on the same port and data dir. */
  async restart(): Promise<void> {
    this.child = await spawnRedisServer(
      redisServerArgs({ port: this.port, dir: this.dir, appendfsync: this.appendfsync })
    )
  }

  /** Stops the server (SIGKILL by default: a crash) and waits for it. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child
    this.child = null
    await stopProcess(child, signal)
  }

  /** Stops the server and deletes its data. */
  async destroy(): Promise<void> {
    await this.stop()
    rmSync(this.dir, { recursive: true, force: true })
  }
}
