import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from './ports'
import { stopProcess } from './processes'

/**
 * The nginx configuration the README recommends for several collab servers:
 * room affinity by a consistent hash of the path (`/collab/<roomId>`, query
 * string excluded), WebSocket upgrades passed through, and a failed server
 * skipped so its clients land on another one.
 */
export function collabNginxConfig(opts: { listenPort: number; upstreamPorts: number[]; prefix: string }): string {
  const servers = opts.upstreamPorts
    .map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=3s;`)
    .join('\n')
  return `
worker_processes 1;
daemon off;
pid ${opts.prefix}/nginx.pid;
error_log ${opts.prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${opts.prefix}/tmp/body;
  proxy_temp_path ${opts.prefix}/tmp/proxy;
  fastcgi_temp_path ${opts.prefix}/tmp/fastcgi;
  uwsgi_temp_path ${opts.prefix}/tmp/uwsgi;
  scgi_temp_path ${opts.prefix}/tmp/scgi;

  upstream mockboard_collab {
    hash $uri consistent;
${servers}
  }

  map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      close;
  }

  server {
    listen 127.0.0.1:${opts.listenPort};
    location /collab/ {
      proxy_pass http://mockboard_collab;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_connect_timeout 1s;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
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

  /** Starts nginx balancing `/collab/*` over the given collab server ports. */
  static async start(upstreamPorts: number[]): Promise<LoadBalancer> {
    const port = await freePort()
    const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-nginx-'))
    mkdirSync(path.join(dir, 'tmp'))
    const conf = path.join(dir, 'nginx.conf')
    writeFileSync(conf, collabNginxConfig({ listenPort: port, upstreamPorts, prefix: dir }))
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
