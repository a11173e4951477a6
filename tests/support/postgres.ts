import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort } from './ports'
import { killOnExit, stopProcess } from './processes'

/** Where Debian's `postgresql` package puts PostgreSQL 15's programs (installed by `.ci/run`). */
export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin'

/** How long a new server may take to accept connections. */
const START_TIMEOUT_MS = 30_000

/**
 * The uid and gid to run PostgreSQL as: `initdb` and `postgres` refuse to
 * run as root, so under root (CI, these machines) they run as the
 * `postgres` system user the package creates; otherwise as ourselves.
 */
function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
  return { uid: id('-u'), gid: id('-g') }
}

/**
 * A real PostgreSQL 15 server on a free loopback port, its cluster and unix
 * socket in one temp dir (owned by the user it runs as), tuned for tests
 * (no fsync: a crash of the test machine may lose it, nothing else). Each
 * test takes a fresh database with {@link PostgresServer.createDatabase}.
 */
export class PostgresServer {
  private child: ChildProcess | null = null
  private forget: () => void = () => undefined
  private databases = 0

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly user: { uid: number; gid: number } | null
  ) {}

  /** Creates a cluster with `initdb` and starts `postgres` on it; resolves once it accepts connections. */
  static async start(): Promise<PostgresServer> {
    const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-pg-'))
    const user = postgresUser()
    if (user) chownSync(dir, user.uid, user.gid)
    const server = new PostgresServer(await freePort(), dir, user)
    try {
      await server.run('initdb', ['-D', server.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
      await server.boot()
    } catch (error) {
      await server.destroy()
      throw error
    }
    return server
  }

  private get dataDir(): string {
    return path.join(this.dir, 'data')
  }

  /** The URL of database `name` (default: the `postgres` database). */
  url(name = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${name}`
  }

  /** A new empty database on this server; resolves with its URL. */
  async createDatabase(): Promise<string> {
    const name = `test_${++this.databases}_${process.pid}`
    await this.query(`CREATE DATABASE ${name}`)
    return this.url(name)
  }

  /** Runs one statement on the `postgres` database (as the superuser). */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, database = 'postgres'): Promise<R[]> {
    const client = new pg.Client({ connectionString: this.url(database) })
    await client.connect()
    try {
      return (await client.query<R>(sql)).rows
    } finally {
      await client.end()
    }
  }

  /** The server's process id, or null when stopped. */
  get pid(): number | null {
    return this.child?.pid ?? null
  }

  /** Stops the server (fast shutdown: SIGINT) and deletes its cluster. */
  async destroy(): Promise<void> {
    const child = this.child
    this.child = null
    await stopProcess(child, 'SIGINT')
    this.forget()
    rmSync(this.dir, { recursive: true, force: true })
  }

  private async boot(): Promise<void> {
    const args = ['-D', this.dataDir, '-p', String(this.port), '-k', this.dir, '-c', 'listen_addresses=127.0.0.1']
    for (const setting of ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=200']) {
      args.push('-c', setting)
    }
    const child = spawn(path.join(POSTGRES_BIN, 'postgres'), args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(this.user ?? {}),
    })
    this.child = child
    this.forget = killOnExit(child)
    let output = ''
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)))
    const deadline = Date.now() + START_TIMEOUT_MS
    for (;;) {
      if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${output}`)
      try {
        await this.query('SELECT 1')
        return
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`postgres did not start: ${String(error)}\n${output}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
  }

  /** Runs one of PostgreSQL's programs to its end, as the server's user. */
  private run(program: string, args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(path.join(POSTGRES_BIN, program), args, {
        stdio: ['ignore', 'ignore', 'pipe'],
        cwd: this.dir,
        ...(this.user ?? {}),
      })
      let output = ''
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.once('error', reject)
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`${program} exited with ${code}:\n${output}`))
      )
    })
  }
}

let shared: Promise<PostgresServer> | null = null

/** The test file's PostgreSQL server, started on first use (about 1 s); stop it with {@link stopSharedPostgres}. */
export function sharedPostgres(): Promise<PostgresServer> {
  shared ??= PostgresServer.start()
  return shared
}

/** Stops the file's shared PostgreSQL server, if it was started (call it in `afterAll`). */
export async function stopSharedPostgres(): Promise<void> {
  const server = shared
  shared = null
  await (await server?.catch(() => null))?.destroy()
}
