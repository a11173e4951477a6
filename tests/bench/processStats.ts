import { readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

/** CPU time (user + system) a process has used, in milliseconds, from /proc. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may contain spaces) start after ') '.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  return ((utime + stime) * 1000) / TICKS_PER_SECOND
}

/** Resident memory of a process in KiB, from /proc. */
export function processRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN)
}

/**
 * Resolves once `pids` together used no CPU tick (10 ms) over a 250 ms slice,
 * or after `maxMs`: a busy process, even one starved on a loaded machine,
 * gets several ticks a slice, so this waits out a backlog.
 */
export async function untilIdle(pids: number[], maxMs = 30_000): Promise<void> {
  const sliceMs = 250
  const total = () => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0)
  const deadline = Date.now() + maxMs
  let last = total()
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, sliceMs))
    const now = total()
    if (now - last < 1000 / TICKS_PER_SECOND) return
    last = now
  }
}
