import { spawn, type ChildProcess } from 'node:child_process'

/**
 * Spawns `redis-server` with `args` and resolves with the process once it
 * accepts connections; rejects (with its output) if it exits or takes over
 * 10 s. The caller stops it by PID (`stopProcess`).
 */
export async function spawnRedisServer(args: string[]): Promise<ChildProcess> {
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] })
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`redis did not start:\n${output}`))
    }, 10_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis exited (${code}):\n${output}`))
    })
  })
  return child
}

/**
 * The arguments of a test redis-server on loopback, configured as the README
 * asks for production: AOF on, `noeviction`, no RDB snapshots.
 */
export function redisServerArgs(options: { port: number; dir: string; appendfsync: 'always' | 'everysec' }): string[] {
  return [
    '--port',
    String(options.port),
    '--bind',
    '127.0.0.1',
    '--dir',
    options.dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    options.appendfsync,
    '--maxmemory-policy',
    'noeviction',
    '--save',
    '',
    '--protected-mode',
    'no',
  ]
}
