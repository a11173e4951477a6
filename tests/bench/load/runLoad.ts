import { spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { processCpuMs } from '../processStats'
import { pin } from '../cpuSplit'
import { now } from './wire'

const ROOT = path.resolve(import.meta.dirname, '../../..')

/** A load generator process's job (see loadClient.ts). */
export interface LoadJob {
  protocol: 'y-websocket' | 'hocuspocus'
  url: string
  room: string
  clients: number
  role: 'observer' | 'writer' | 'peer'
  writeHz?: number
  presenceHz?: number
  editHz?: number
  /**
   * Peers: this job's clients are numbers `first`… of the run's `of` clients
   * (over all its jobs), whose timers are spread evenly over each period.
   * Default: this job's clients alone.
   */
  slots?: { first: number; of: number }
  durationMs: number
  /**
   * Observers apply every update to their own `Y.Doc` as a real client does
   * (default true): needed where a peer's own client does it (the Hocuspocus
   * provider). False: they only read the timestamp, so that a thousand
   * simulated users on one core do not measure their own Yjs work (each
   * real user has a machine of their own).
   */
  observersApply?: boolean
  /** Load before the measured `durationMs` (set by `runLoad` from its `warmupMs`). */
  warmupMs?: number
}

/** What one run of load measured. */
export interface LoadResult {
  /** Delivery latencies (ms) of every update every receiving client got. */
  latencies: number[]
  received: number
  sent: number
  /** Frames of any kind the clients received (y-websocket clients only). */
  frames: number
  /** Presence updates the clients sent. */
  presenceSent: number
  /** Sockets the server closed during the run, by close code (none in a healthy run). */
  closes: Record<string, number>
  /** CPU ms each watched process used during the run. */
  cpuMs: number[]
  /** CPU ms the load generator processes used during the run, together (each reports its own). */
  loadCpuMs: number
  /** How long the measured part ran, from the end of the warm-up to the last result (ms, wall clock). */
  wallMs: number
}

/**
 * Runs load generator processes against servers: starts them all, waits
 * until every client is connected, then starts them at once and, after the
 * warm-up, reads the CPU time the `watchPids` (servers, Redis) and the load
 * generators used while the load ran. Load generators run on the load side's cores (see
 * `cpuSplit.ts`).
 */
export async function runLoad(
  jobs: LoadJob[],
  watchPids: number[],
  options: {
    /**
     * Load run before the measured part (default 0): nothing sent in it is
     * timed or counted, nor the CPU it takes. The servers were just started
     * and their code is not yet optimised, as a long-running server's is.
     */
    warmupMs?: number
    /** Called just before the measured part starts (every client connected, warm-up done), e.g. to read counters. */
    before?(): Promise<void>
    /** Called once the load ended. */
    after?(): Promise<void>
  } = {}
): Promise<LoadResult> {
  const warmupMs = options.warmupMs ?? 0
  const children = jobs.map((job) =>
    spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/bench/load/loadClient.ts', JSON.stringify({ ...job, warmupMs })],
      {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'inherit'],
      }
    )
  )
  for (const child of children) pin(child.pid, 'load')
  const lines = children.map((child) => createInterface({ input: child.stdout! })[Symbol.asyncIterator]())
  const next = async (i: number) => {
    const line = await lines[i]!.next()
    if (line.done) throw new Error(`load process ${i} ended early`)
    return JSON.parse(line.value) as Record<string, unknown>
  }
  try {
    // Observers first: every client connected before anyone writes.
    for (let i = 0; i < children.length; i++) await next(i)
    // One start time for every process, so all of them measure the same edits.
    const go = `go ${now()}\n`
    for (const child of children) child.stdin!.write(go)
    if (warmupMs) await new Promise((resolve) => setTimeout(resolve, warmupMs))
    await options.before?.()
    const cpuBefore = watchPids.map(processCpuMs)
    const started = performance.now()
    const results = await Promise.all(children.map((_, i) => next(i)))
    const wallMs = performance.now() - started
    const sum = (key: string) => results.reduce((total, r) => total + ((r[key] as number | undefined) ?? 0), 0)
    const cpuAfter = watchPids.map(processCpuMs)
    await options.after?.()
    return {
      latencies: results.flatMap((r) => r.latencies as number[]),
      received: sum('received'),
      sent: sum('sent'),
      frames: sum('frames'),
      presenceSent: sum('presenceSent'),
      closes: closesOf(results),
      cpuMs: cpuAfter.map((after, i) => after - cpuBefore[i]!),
      loadCpuMs: sum('cpuMs'),
      wallMs,
    }
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  }
}

/** The generators' close counts, added up by code. */
function closesOf(results: Record<string, unknown>[]): Record<string, number> {
  const total: Record<string, number> = {}
  for (const result of results) {
    for (const [code, count] of Object.entries((result.closes as Record<string, number> | undefined) ?? {})) {
      total[code] = (total[code] ?? 0) + count
    }
  }
  return total
}
