import type { ChildProcess } from 'node:child_process'

/** Sends `signal` to a child process (if it still runs) and resolves once it has exited. */
export async function stopProcess(child: ChildProcess | null, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}
