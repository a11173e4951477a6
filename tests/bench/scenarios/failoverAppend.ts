import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { RedisRoomStorage } from '@/server/redis/RedisRoomStorage'
import { RedisServer } from '../../support/redisServer'
import { median, percentile, spread, type BenchOptions, type BenchRow } from '../types'

const SCENARIO = '9. Log append on Redis, failover guarantee'

/** A 60-byte update, about one shape move. */
const update = new Uint8Array(60).fill(7)

/** The fence may cost at most this much append latency over the same primary unfenced. */
const FENCE_GOAL = 1.1

/** Appends each appender makes unmeasured first, to warm up its connection and the server. */
const WARMUP_APPENDS = 50

type Mode = 'today' | 'replicated' | 'fenced' | 'wait'

const LABELS: Record<Mode, string> = {
  today: 'one node, unfenced (before)',
  replicated: 'primary + replica, unfenced',
  fenced: 'primary + replica, fenced (repair on failover)',
  wait: 'primary + replica, + WAIT 1',
}

/**
 * Scenario 9: the latency of one room's log append as a room awaits it
 * before broadcasting (`RedisRoomStorage.appendUpdate`, one at a time), on
 * redis-server with Redis's default `appendfsync everysec`. The fenced and
 * unfenced appends on the primary take turns, one append each, so the goal's
 * ratio compares pairs measured the same moment (measured one block after
 * the other, the ratio swung 0.83–1.11× between runs of the same code):
 * - one node with today's unfenced append;
 * - a primary with one replica, the same append (what replication alone costs);
 * - a primary with one replica, appends fenced as rooms append them now
 *   (the failover guarantee: one `HGET` more in the append script, repair
 *   after a failover);
 * - the same primary with `WAIT 1 1000` after each append on the same
 *   connection (the alternative: an update counts as accepted only once a
 *   replica has it).
 */
export async function run(options: BenchOptions): Promise<BenchRow[]> {
  const appends = options.quick ? 50 : 2_000
  const runs = options.quick ? 1 : 5
  const single = await RedisServer.start({ appendfsync: 'everysec' })
  const primary = await RedisServer.start({ appendfsync: 'everysec' })
  const replica = await RedisServer.start({ appendfsync: 'everysec' })
  const results: Record<Mode, { p50: number[]; p99: number[] }> = {
    today: { p50: [], p99: [] },
    replicated: { p50: [], p99: [] },
    fenced: { p50: [], p99: [] },
    wait: { p50: [], p99: [] },
  }
  try {
    await attachReplica(replica.port, primary.port)
    const record = (mode: Mode, times: number[]) => {
      results[mode].p50.push(percentile(times, 50))
      results[mode].p99.push(percentile(times, 99))
    }
    for (let i = 0; i < runs; i++) {
      const [today] = await measure([openAppender(single.port, 'today')], appends)
      record('today', today!)
      // Fenced and unfenced take turns append by append on the same primary, so the host's drift hits both alike.
      const [replicated, fenced] = await measure(
        [openAppender(primary.port, 'replicated'), openAppender(primary.port, 'fenced')],
        appends
      )
      record('replicated', replicated!)
      record('fenced', fenced!)
      const [wait] = await measure([openAppender(primary.port, 'wait')], appends)
      record('wait', wait!)
    }
  } finally {
    await Promise.all([single.destroy(), primary.destroy(), replica.destroy()])
  }
  // The guarantee's own cost is the fence against the same primary unfenced (replication costs the same either way).
  const fenceCost = median(results.fenced.p50) / median(results.replicated.p50)
  const rows: BenchRow[] = []
  for (const mode of ['today', 'replicated', 'fenced', 'wait'] as const) {
    for (const p of ['p50', 'p99'] as const) {
      const value = median(results[mode][p])
      const goal = mode === 'fenced' && p === 'p50'
      rows.push({
        scenario: SCENARIO,
        metric: `${p} append (ms): ${LABELS[mode]}`,
        mockboard: round3(value),
        peers: {},
        ratio: mode === 'today' ? null : { against: 'before', value: round2(value / median(results.today[p])) },
        goal: goal ? `≤ ${FENCE_GOAL}× unfenced, same primary (${round2(fenceCost)}×)` : '—',
        met: goal ? fenceCost <= FENCE_GOAL : null,
        runs,
        spread: spread(results[mode][p], 3),
      })
    }
  }
  return rows
}

/** One connection appending to a fresh room of its own, as a room appends in `mode`. */
interface Appender {
  /** One append, awaited as a room awaits it; its latency in ms. */
  append(): Promise<number>
  close(): Promise<void>
}

async function openAppender(port: number, mode: Mode): Promise<Appender> {
  const client = new Redis({ port, host: '127.0.0.1' })
  const storage = new RedisRoomStorage(client, { serverId: 'bench', prefix: 'bench:' })
  const room = `append-${randomBytes(6).toString('hex')}`
  const token = 'bench-token'
  if (mode === 'fenced') {
    try {
      await storage.logFence.arm(room, token)
    } catch (error) {
      await storage.close()
      throw error
    }
  }
  const fence = mode === 'fenced' ? { token } : undefined
  return {
    append: async () => {
      const start = performance.now()
      await storage.appendUpdate(room, { time: Date.now(), author: 'user:bench', update, fence })
      if (mode === 'wait' && (await client.wait(1, 1_000)) < 1) throw new Error('WAIT: no replica acknowledged')
      return performance.now() - start
    },
    close: () => storage.close(),
  }
}

/**
 * `count` appends by each appender (after {@link WARMUP_APPENDS} each), one at a time;
 * with several, they take turns, each turn's order reversed from the last.
 * Each appender's latencies in ms.
 */
async function measure(opening: Promise<Appender>[], count: number): Promise<number[][]> {
  const opened = await Promise.allSettled(opening)
  const appenders = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  try {
    const failed = opened.find((result) => result.status === 'rejected')
    if (failed) throw failed.reason
    const times = appenders.map((): number[] => [])
    const forward = appenders.map((_, which) => which)
    const backward = [...forward].reverse()
    for (let i = 0; i < count + WARMUP_APPENDS; i++) {
      for (const which of i % 2 === 0 ? forward : backward) {
        const ms = await appenders[which]!.append()
        if (i >= WARMUP_APPENDS) times[which]!.push(ms)
      }
    }
    return times
  } finally {
    await Promise.all(appenders.map((appender) => appender.close()))
  }
}

/** Makes the node on `replica` a replica of `primary` and waits until its link is up and synced. */
async function attachReplica(replica: number, primary: number): Promise<void> {
  const client = new Redis({ port: replica, host: '127.0.0.1' })
  try {
    await client.replicaof('127.0.0.1', primary)
    const deadline = Date.now() + 20_000
    for (;;) {
      const info = await client.info('replication')
      if (info.includes('master_link_status:up') && info.includes('master_sync_in_progress:0')) return
      if (Date.now() > deadline) throw new Error('the replica did not sync')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } finally {
    client.disconnect()
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100
const round3 = (n: number) => Math.round(n * 1000) / 1000
