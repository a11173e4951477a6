import { spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { processCpuMs } from '../processStats'

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
  durationMs: number
}

/** What one run of load measured. */
export interface LoadResult {
  /** Delivery latencies (ms) of every update every receiving client got. */
  latencies: number[]
  received: number
  sent: number
  /** CPU ms each watched process used during the run. */
  cpuMs: number[]
}

/**
 * Runs load generator processes against servers: starts them all, waits
 * until every client is connected, then starts them at once and reads the
 * CPU time the `watchPids` (servers, Redis) used while the load ran.
 */
export async function runLoad(jobs: LoadJob[], watchPids: number[]): Promise<LoadResult> {
  const children = jobs.map((job) =>
    spawn(process.execPath, ['--import', 'tsx', 'tests/bench/load/loadClient.ts', JSON.stringify(job)], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    })
  )
  const lines = children.map((child) => createInterface({ input: child.stdout! })[Symbol.asyncIterator]())
  const next = async (i: number) => {
    const line = await lines[i]!.next()
    if (line.done) throw new Error(`load process ${i} ended early`)
    return JSON.parse(line.value) as Record<string, unknown>
  }
  try {
    // Observers first: every client connected before anyone writes.
    for (let i = 0; i < children.length; i++) await next(i)
    const cpuBefore = watchPids.map(processCpuMs)
    for (const child of children) child.stdin!.write('go\n')
    const results = await Promise.all(children.map((_, i) => next(i)))
    const cpuAfter = watchPids.map(processCpuMs)
    return {
      latencies: results.flatMap((r) => r.latencies as number[]),
      received: results.reduce((sum, r) => sum + (r.received as number), 0),
      sent: results.reduce((sum, r) => sum + (r.sent as number), 0),
      cpuMs: cpuAfter.map((after, i) => after - cpuBefore[i]!),
    }
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  }
}
