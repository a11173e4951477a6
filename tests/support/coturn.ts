import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from './ports'
import { killOnExit, stopProcess } from './processes'

/** A coturn TURN server on loopback, taking time-limited credentials made with `secret` (`use-auth-secret`). */
export interface Coturn {
  /** `turn:127.0.0.1:<port>?transport=udp` */
  url: string
  secret: string
  /** Everything it printed so far. */
  output(): string
  stop(): Promise<void>
}

/**
 * Starts Debian's coturn (`/usr/bin/turnserver`, package `coturn`) on
 * 127.0.0.1 in a temporary directory, relaying on loopback too (so
 * `--allow-loopback-peers`), without TLS/DTLS listeners or the admin CLI.
 * Resolves once its relay ports are ready.
 */
export async function startCoturn(secret = 'coturn-test-secret-0123456789'): Promise<Coturn> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-coturn-'))
  const port = await freePort()
  const minPort = 40_000 + Math.floor(Math.random() * 20_000)
  const child = spawn(
    '/usr/bin/turnserver',
    [
      '-n', // no config file
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      `--min-port=${minPort}`,
      `--max-port=${minPort + 200}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=mockboard.test',
      '--allow-loopback-peers',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--log-file=stdout',
      '--simple-log',
      `--pidfile=${path.join(dir, 'turn.pid')}`,
      `--userdb=${path.join(dir, 'turndb')}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  const forget = killOnExit(child)
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`coturn did not start:\n${output}`)), 15_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      // Printed (4.6) once its listeners and relay threads are up.
      if (/Total General servers: \d+/.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`coturn exited (${code}):\n${output}`))
    })
  })
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    secret,
    output: () => output,
    async stop() {
      await stopProcess(child, 'SIGKILL')
      forget()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
