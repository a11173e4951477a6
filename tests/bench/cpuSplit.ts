import { execFileSync } from 'node:child_process'
import { availableParallelism } from 'node:os'

/** Which side of the bench a process is on. */
export type BenchSide = 'servers' | 'load'

/**
 * How the benchmark splits the machine's cores: every server under test
 * (Mockboard, the reference server, Hocuspocus, and their redis-server) runs
 * on `servers`, every load generator process on `load`, so the load
 * generators never take CPU from the servers they measure and every peer gets
 * the same split. Lists are `taskset -c` lists (`0`, `0-3`); null when not
 * pinned (one core, no `taskset`, or `BENCH_CPUS=off`).
 */
export interface CpuSplit {
  servers: string | null
  load: string | null
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/**
 * The split for this run: `BENCH_SERVER_CPUS` / `BENCH_LOAD_CPUS` when set,
 * else the first half of the cores for the servers and the rest for the load
 * (2 cores: servers on CPU 0, load on CPU 1).
 */
function resolveSplit(): CpuSplit {
  const env = process.env
  if (env.BENCH_CPUS === 'off' || !hasTaskset()) return { servers: null, load: null }
  const cores = availableParallelism()
  if (cores < 2 && !env.BENCH_SERVER_CPUS) return { servers: null, load: null }
  const half = Math.max(1, Math.floor(cores / 2))
  const range = (from: number, to: number) => (from === to ? String(from) : `${from}-${to}`)
  return {
    servers: env.BENCH_SERVER_CPUS ?? range(0, half - 1),
    load: env.BENCH_LOAD_CPUS ?? range(half, cores - 1),
  }
}

/** This run's split (see {@link CpuSplit}). */
export const CPU_SPLIT: CpuSplit = resolveSplit()

/** The split in words, for the bench's output. */
export function describeSplit(split: CpuSplit = CPU_SPLIT): string {
  if (!split.servers || !split.load) return 'cores not pinned (servers and load generators share every core)'
  return `servers and their redis-server on CPU ${split.servers}, load generators on CPU ${split.load} (taskset), the same for every peer`
}

/**
 * Pins every thread of process `pid` to its side's cores (threads it starts
 * later inherit them). A no-op when the split is not pinned.
 */
export function pin(pid: number | null | undefined, side: BenchSide): void {
  const cpus = CPU_SPLIT[side]
  if (!cpus || !pid) return
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' })
}
