import { RedisServer } from '../../support/redisServer'
import { runLoad, type LoadJob, type LoadResult } from '../load/runLoad'
import { admit, startHocuspocus, startMockboard, startReference, type BenchServer } from '../servers'
import { pin } from '../cpuSplit'
import { steerReceivesToReaders } from '../receiveSteering'
import { median, percentile, spread, type BenchOptions, type BenchRow } from '../types'

/** One run's headline numbers. */
interface RunStats {
  p50: number
  p99: number
  /** Server CPU (all server processes) per delivered update, µs. */
  cpuPerDelivery: number
  /** The same including redis-server's CPU. */
  cpuPerDeliveryWithRedis: number
  delivered: number
}

function stats(result: LoadResult, serverCount: number): RunStats {
  const serverCpu = result.cpuMs.slice(0, serverCount).reduce((a, b) => a + b, 0)
  const allCpu = result.cpuMs.reduce((a, b) => a + b, 0)
  const delivered = Math.max(1, result.received)
  return {
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
    cpuPerDelivery: (serverCpu * 1000) / delivered,
    cpuPerDeliveryWithRedis: (allCpu * 1000) / delivered,
    delivered: result.received,
  }
}

/** Splits `observers` over up to `processes` load generators. */
function observerJobs(base: Omit<LoadJob, 'clients' | 'role'>, observers: number, processes: number): LoadJob[] {
  const count = Math.min(processes, observers)
  return Array.from({ length: count }, (_, i) => ({
    ...base,
    role: 'observer' as const,
    clients: Math.floor(observers / count) + (i < observers % count ? 1 : 0),
  }))
}

/** Unmeasured load on each freshly started server before the timed part (the same for every peer). */
const FANOUT_WARMUP_MS = 2_000

type Setup = { servers: BenchServer[]; redis: RedisServer | null; writerUrl: string; observerUrl: string }

/** Runs 1 writer at `hz` → `observers` on a fresh setup and tears it down. */
async function fanoutRun(
  makeSetup: () => Promise<Setup>,
  observers: number,
  options: { hz: number; durationMs: number; room: string; observersApply: boolean }
): Promise<RunStats> {
  const setup = await makeSetup()
  try {
    for (const server of setup.servers) await admit(server, options.room)
    const protocol = setup.servers[0]!.protocol
    const base = {
      protocol,
      room: options.room,
      durationMs: options.durationMs,
      observersApply: options.observersApply,
    }
    const jobs: LoadJob[] = [
      ...observerJobs({ ...base, url: setup.observerUrl }, observers, observers >= 400 ? 4 : 1),
      { ...base, url: setup.writerUrl, clients: 1, role: 'writer', writeHz: options.hz },
    ]
    const pids = [...setup.servers.map((s) => s.pid), ...(setup.redis?.pid ? [setup.redis.pid] : [])]
    return stats(await runLoad(jobs, pids, { warmupMs: FANOUT_WARMUP_MS }), setup.servers.length)
  } finally {
    await Promise.all(setup.servers.map((s) => s.stop()))
    await setup.redis?.destroy()
  }
}

const single = (start: () => Promise<BenchServer>) => async (): Promise<Setup> => {
  const server = await start()
  return { servers: [server], redis: null, writerUrl: server.url, observerUrl: server.url }
}

const pair = (start: (redisUrl: string) => Promise<BenchServer>) => async (): Promise<Setup> => {
  const redis = await RedisServer.start({ appendfsync: 'everysec' })
  pin(redis.pid, 'servers') // with the servers (see cpuSplit.ts), for every peer alike
  const servers = [await start(redis.url), await start(redis.url)]
  return { servers, redis, writerUrl: servers[0]!.url, observerUrl: servers[1]!.url }
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits

/**
 * Scenarios 2 and 3: one writer at 30 Hz fanned out to observers, on one
 * server (ours vs the reference server) and across two servers through Redis
 * (ours vs Hocuspocus + Redis, with the single reference server as the floor).
 */
export async function run(options: BenchOptions): Promise<BenchRow[]> {
  const runs = options.quick ? 1 : 3
  const durationMs = options.quick ? 1_000 : 8_000
  const hz = 30
  const sizes = options.quick ? [5] : [100, 1000]
  const rows: BenchRow[] = []

  for (const observers of sizes) {
    const unsteered = { ours: [] as RunStats[], reference: [] as RunStats[] }
    // Both peers serve the same raw y-websocket clients, so observers only read each update's timestamp: applying
    // it to a Y.Doc per observer made the 1,000 observers' one core the bottleneck, whichever server fed them.
    const opts = (room: string) => ({ hz, durationMs, room, observersApply: false })
    const alternate = async (into: { ours: RunStats[]; reference: RunStats[] }, tag: string) => {
      for (let i = 0; i < runs; i++) {
        // Alternate so drift on a shared machine hits both alike.
        into.ours.push(
          await fanoutRun(
            single(() => startMockboard()),
            observers,
            opts(`fanout-${tag}${i}-mb`)
          )
        )
        into.reference.push(await fanoutRun(single(startReference), observers, opts(`fanout-${tag}${i}-ref`)))
      }
    }
    await alternate(unsteered, '')
    // CPU again with each side's kernel receive work on its own core, as on separate machines (receiveSteering.ts).
    // Latency stays unsteered: steered, the load generators' one core also does every observer's receive work,
    // and at 1,000 observers the latencies measured that core.
    const steered = { ours: [] as RunStats[], reference: [] as RunStats[] }
    const steering = steerReceivesToReaders()
    try {
      if (steering.steered) await alternate(steered, 'rfs')
    } finally {
      steering.restore()
    }
    const scenario = `2. 1 writer → ${observers} observers @${hz} Hz, one server`
    rows.push(
      ...compareRows(scenario, unsteered.ours, { reference: unsteered.reference }, 'reference', runs, { p99: 1.1 })
    )
    rows.push(cpuRow(scenario, unsteered, steering.steered ? steered : null, runs, 1.0))
  }

  const crossObservers = options.quick ? 5 : 100
  const ours: RunStats[] = []
  const hocuspocus: RunStats[] = []
  const floor: RunStats[] = []
  for (let i = 0; i < runs; i++) {
    // Observers apply every update, as the Hocuspocus provider does for its own.
    const opts = { hz, durationMs, room: `cross-room-${i}`, observersApply: true }
    ours.push(
      await fanoutRun(
        pair((url) => startMockboard({ redisUrl: url })),
        crossObservers,
        opts
      )
    )
    hocuspocus.push(await fanoutRun(pair(startHocuspocus), crossObservers, opts))
    floor.push(await fanoutRun(single(startReference), crossObservers, opts))
  }
  const scenario = `3. writer on A → ${crossObservers} observers on B (Redis)`
  const p99 = (list: RunStats[]) => median(list.map((s) => s.p99))
  rows.push(
    {
      scenario,
      metric: 'p50 delivery (ms)',
      mockboard: round(median(ours.map((s) => s.p50))),
      peers: {
        'hocuspocus+redis': round(median(hocuspocus.map((s) => s.p50))),
        reference: round(median(floor.map((s) => s.p50))),
      },
      ratio: {
        against: 'hocuspocus+redis',
        value: round(median(ours.map((s) => s.p50)) / median(hocuspocus.map((s) => s.p50)), 2),
      },
      goal: '—',
      met: null,
      runs,
      spread: spread(ours.map((s) => s.p50)),
    },
    {
      scenario,
      metric: 'p99 delivery (ms)',
      mockboard: round(p99(ours)),
      peers: { 'hocuspocus+redis': round(p99(hocuspocus)), reference: round(p99(floor)) },
      ratio: { against: 'reference', value: round(p99(ours) / p99(floor), 2) },
      goal: '≤ 1.3× reference (one process); ≥ 1.3× better than Hocuspocus',
      met: p99(ours) <= 1.3 * p99(floor) && p99(hocuspocus) >= 1.3 * p99(ours),
      runs,
      spread: spread(ours.map((s) => s.p99)),
    },
    {
      scenario,
      metric: 'server CPU µs per delivered update (both servers; +Redis)',
      mockboard: round(median(ours.map((s) => s.cpuPerDelivery))),
      peers: {
        'hocuspocus+redis': round(median(hocuspocus.map((s) => s.cpuPerDelivery))),
        reference: round(median(floor.map((s) => s.cpuPerDelivery))),
      },
      ratio: {
        against: 'hocuspocus+redis',
        value: round(median(ours.map((s) => s.cpuPerDelivery)) / median(hocuspocus.map((s) => s.cpuPerDelivery)), 2),
      },
      goal: `with Redis: ours ${round(median(ours.map((s) => s.cpuPerDeliveryWithRedis)))} vs Hocuspocus ${round(median(hocuspocus.map((s) => s.cpuPerDeliveryWithRedis)))} µs`,
      met: null,
      runs,
      spread: spread(ours.map((s) => s.cpuPerDelivery)),
    }
  )
  return rows
}

/** p50, p99 and CPU rows comparing ours with one peer, with goals as ratios. */
function compareRows(
  scenario: string,
  ours: RunStats[],
  peers: Record<string, RunStats[]>,
  against: string,
  runs: number,
  goals: { p99: number }
): BenchRow[] {
  const pick = (list: RunStats[], key: keyof RunStats) => median(list.map((s) => s[key]))
  const row = (metric: string, key: keyof RunStats, goal?: { ratio: number; text: string }): BenchRow => {
    const mine = pick(ours, key)
    const theirs = pick(peers[against]!, key)
    const ratio = mine / theirs
    return {
      scenario,
      metric,
      mockboard: round(mine),
      peers: Object.fromEntries(Object.entries(peers).map(([name, list]) => [name, round(pick(list, key))])),
      ratio: { against, value: round(ratio, 2) },
      goal: goal?.text ?? '—',
      met: goal ? ratio <= goal.ratio : null,
      runs,
      spread: spread(ours.map((s) => s[key])),
    }
  }
  return [
    row('p50 delivery (ms)', 'p50'),
    row('p99 delivery (ms)', 'p99', { ratio: goals.p99, text: `≤ ${goals.p99}× ${against}` }),
  ]
}

/**
 * The CPU row of scenario 2: from the runs with receive work steered to its
 * readers' core when the bench could steer it (the goal is judged on those),
 * with the unsteered runs' figures beside them; from the unsteered runs,
 * and saying so, when it could not.
 */
function cpuRow(
  scenario: string,
  unsteered: { ours: RunStats[]; reference: RunStats[] },
  steered: { ours: RunStats[]; reference: RunStats[] } | null,
  runs: number,
  goal: number
): BenchRow {
  const cpu = (list: RunStats[]) => median(list.map((s) => s.cpuPerDelivery))
  const judged = steered ?? unsteered
  const ratio = cpu(judged.ours) / cpu(judged.reference)
  const unsteeredText = `unsteered: ${round(cpu(unsteered.ours))} vs ${round(cpu(unsteered.reference))} µs, ${round(cpu(unsteered.ours) / cpu(unsteered.reference), 2)}×`
  return {
    scenario,
    metric: steered
      ? 'server CPU µs per delivered update (receives steered to their readers’ core)'
      : 'server CPU µs per delivered update (receives not steered: see README)',
    mockboard: round(cpu(judged.ours)),
    peers: { reference: round(cpu(judged.reference)) },
    ratio: { against: 'reference', value: round(ratio, 2) },
    goal: steered ? `≤ ${goal}× reference (${unsteeredText})` : `≤ ${goal}× reference`,
    met: ratio <= goal,
    runs,
    spread: spread(judged.ours.map((s) => s.cpuPerDelivery)),
  }
}
