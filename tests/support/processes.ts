import type { ChildProcess } from 'node:child_process'

/** Sends `signal` to a child process (if it still runs) and resolves once it has exited. */
export async function stopProcess(child: ChildProcess | null, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}

/** Children still running when the test process exits; killed then as a last resort. */
const orphans = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of orphans) if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL')
})

/**
 * Kills `child` (SIGKILL, by its PID) if the test process exits while it
 * still runs, e.g. after a failed test that never stopped it. Call the
 * returned function once the child was stopped.
 */
export function killOnExit(child: ChildProcess): () => void {
  orphans.add(child)
  return () => orphans.delete(child)
}
