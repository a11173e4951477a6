import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from './ports'
import { stopProcess } from './processes'

/** Where the README keeps the nginx configuration it recommends ("Routing", under "Running at scale"). */
const README = path.resolve(import.meta.dirname, '../../README.md')

/** The README's one ```nginx block, as an operator would copy it. */
export function readmeNginxConfig(): string {
  const blocks = [...readFileSync(README, 'utf8').matchAll(/^```nginx\n([\s\S]*?)^```$/gm)]
  if (blocks.length !== 1) throw new Error(`README.md should hold one nginx block, not ${blocks.length}`)
  return blocks[0]![1]!
}

/** The ports of what nginx stands in front of: collab servers, and web apps (default: the collab servers). */
export interface Upstreams {
  collab: number[]
  web?: number[]
}

/**
 * The README's nginx configuration, changed only where a test must: its
 * upstreams' addresses become loopback ports, it listens on a loopback port
 * without TLS, and it logs into its own directory. So the tests run the
 * configuration the README tells operators to use, not a copy of it.
 */
export function collabNginxConfig(opts: { listenPort: number; upstreams: Upstreams; prefix: string }): string {
  const servers = (ports: number[], options: string) =>
    ports.map((port) => `  server 127.0.0.1:${port}${options};`).join('\n')
  let upstreamsReplaced = 0
  const site = readmeNginxConfig()
    .replace(
      /^(upstream (\w+) \{\n(?:  (?!server ).*\n)*)((?:  server .*\n)+)/gm,
      (_all, head: string, name: string, lines: string) => {
        const ports =
          name === 'mockboard_collab' ? opts.upstreams.collab : (opts.upstreams.web ?? opts.upstreams.collab)
        const options = / max_fails=\S+ fail_timeout=[^;]+/.exec(lines)?.[0] ?? ''
        upstreamsReplaced++
        return `${head}${servers(ports, options)}\n`
      }
    )
    .replace(/^  listen .*$/m, `  listen 127.0.0.1:${opts.listenPort};`)
    .replace(/^  (server_name|ssl_certificate|ssl_certificate_key) .*\n/gm, '')
    .replace(/^  access_log \S+ (\w+);$/m, `  access_log ${opts.prefix}/access.log $1;`)
  if (upstreamsReplaced !== 2) throw new Error("README.md's nginx block should have the collab and web upstreams")
  return `
worker_processes 1;
daemon off;
pid ${opts.prefix}/nginx.pid;
error_log ${opts.prefix}/error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path ${opts.prefix}/tmp/body;
  proxy_temp_path ${opts.prefix}/tmp/proxy;
  fastcgi_temp_path ${opts.prefix}/tmp/fastcgi;
  uwsgi_temp_path ${opts.prefix}/tmp/uwsgi;
  scgi_temp_path ${opts.prefix}/tmp/scgi;
${site}
}
`
}

/** nginx from Debian's packages on a free loopback port, in front of collab servers. */
export class LoadBalancer {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly child: ChildProcess
  ) {}

  /** `ws://127.0.0.1:<port>/collab`, the URL clients use. */
  get url(): string {
    return `ws://127.0.0.1:${this.port}/collab`
  }

  /** `http://127.0.0.1:<port>`, the address browsers open. */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** What nginx logged of the requests it passed on (the README's log format). */
  accessLog(): string {
    const file = path.join(this.dir, 'access.log')
    return existsSync(file) ? readFileSync(file, 'utf8') : ''
  }

  /** Starts nginx with the README's configuration in front of these servers (a list: collab servers alone). */
  static async start(upstreams: number[] | Upstreams): Promise<LoadBalancer> {
    const port = await freePort()
    const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-nginx-'))
    mkdirSync(path.join(dir, 'tmp'))
    const conf = path.join(dir, 'nginx.conf')
    writeFileSync(
      conf,
      collabNginxConfig({
        listenPort: port,
        upstreams: Array.isArray(upstreams) ? { collab: upstreams } : upstreams,
        prefix: dir,
      })
    )
    const nginx = process.env.NGINX_PATH ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx')
    const child = spawn(nginx, ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')], { stdio: 'ignore' })
    const lb = new LoadBalancer(port, dir, child)
    const started = Date.now()
    for (;;) {
      if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`)
      if (await canConnect(port)) return lb
      if (Date.now() - started > 10_000) throw new Error('nginx did not start')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  async stop(): Promise<void> {
    await stopProcess(this.child, 'SIGTERM')
    rmSync(this.dir, { recursive: true, force: true })
  }
}

async function canConnect(port: number): Promise<boolean> {
  const net = await import('node:net')
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
