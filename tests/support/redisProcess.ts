import { spawn, type ChildProcess } from 'node:child_process'

/**
 * Spawns `redis-server` with `args` and resolves with the process once it
 * accepts connections (once its output shows `readyLine`); rejects (with its
 * output) if it exits or takes over 10 s. The caller stops it by PID
 * (`stopProcess`). `command` runs another binary, e.g. `redis-sentinel`,
 * which says `+monitor master` instead when it is up.
 */
export async function spawnRedisServer(
  args: string[],
  { command = 'redis-server', readyLine = 'Ready to accept connections' } = {}
): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`redis did not start:\n${output}`))
    }, 10_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes(readyLine)) {
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
