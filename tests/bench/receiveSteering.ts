import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'

/** The kernel settings Receive Flow Steering needs on the loopback device. */
const SETTINGS = {
  flowEntries: '/proc/sys/net/core/rps_sock_flow_entries',
  queueFlows: '/sys/class/net/lo/queues/rx-0/rps_flow_cnt',
  queueCpus: '/sys/class/net/lo/queues/rx-0/rps_cpus',
} as const

/** Flows the kernel tracks (a power of two; the kernel's documentation suggests 32,768 for a busy server). */
const FLOWS = '32768'

/** Whether the bench's receives are steered, and how, for its output. */
export interface ReceiveSteering {
  steered: boolean
  description: string
  /** Puts the settings back as they were (a no-op when nothing was changed). */
  restore(): void
}

/**
 * On loopback the kernel does the receiving side's TCP work (queueing the
 * segment on the receiver's socket, waking the process that waits for it)
 * inside the sender's `write`, and charges it to the sender. In the fan-out
 * scenarios that makes each server pay for its observers' receives, which
 * on a real network happen on the observers' machines. How much it pays
 * depends on timing, not on the server: a receiver that is reading at that
 * moment takes the segment on its own CPU time (the segment waits in the
 * socket's backlog), so a server that writes slower is charged less. Under
 * `perf` (100 observers, 2026-11-29), that receive work was most of the CPU
 * gap between Mockboard and the reference server, and moved from run to run.
 *
 * Receive Flow Steering (RFS, a stock Linux feature, off by default) makes
 * the kernel do a flow's receive work on the core where the process reading
 * that flow last ran: the observers' receives on the load generators' core,
 * each server's own receives on the servers' core, as on separate machines.
 * It needs root; without it (or with `BENCH_RFS=off`) the bench runs as
 * before and says so. The previous settings are put back afterwards.
 */
export function steerReceivesToReaders(): ReceiveSteering {
  const unchanged = (why: string): ReceiveSteering => ({
    steered: false,
    description: `receive work not steered (${why}): on loopback each sender is charged with its receivers' TCP work`,
    restore: () => undefined,
  })
  if (process.env.BENCH_RFS === 'off') return unchanged('BENCH_RFS=off')
  if (process.platform !== 'linux' || !Object.values(SETTINGS).every((path) => existsSync(path))) {
    return unchanged('no RFS on this system')
  }
  const previous = Object.fromEntries(
    Object.entries(SETTINGS).map(([name, path]) => [name, readFileSync(path, 'utf8').trim()])
  ) as Record<keyof typeof SETTINGS, string>
  const allCpus = (2 ** Math.min(availableParallelism(), 31) - 1).toString(16)
  try {
    writeFileSync(SETTINGS.flowEntries, FLOWS)
    writeFileSync(SETTINGS.queueFlows, FLOWS)
    writeFileSync(SETTINGS.queueCpus, allCpus)
  } catch {
    restoreSettings(previous)
    return unchanged('changing it needs root')
  }
  const restore = () => restoreSettings(previous)
  process.once('exit', restore) // a bench that fails still leaves the machine as it found it
  return {
    steered: true,
    description: 'receive work steered to the reading process’s core (RFS on loopback), as on separate machines',
    restore: () => {
      process.off('exit', restore)
      restore()
    },
  }
}

function restoreSettings(previous: Record<keyof typeof SETTINGS, string>): void {
  // In the reverse order of setting them: the queue stops steering before the flow table goes.
  for (const name of ['queueCpus', 'queueFlows', 'flowEntries'] as const) {
    try {
      writeFileSync(SETTINGS[name], previous[name])
    } catch {
      // Best effort: nothing else to do with a setting that cannot be written back.
    }
  }
}
