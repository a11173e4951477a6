import { RedisServer } from '../../support/redisServer'
import { runLoad } from '../load/runLoad'
import { admit, startMockboard } from '../servers'
import { median, percentile, spread, type BenchOptions, type BenchRow } from '../types'

/**
 * Scenario 4: a busy interview room. Every user sends presence at 20 Hz and
 * one edit a second; users are split over two Mockboard servers on Redis.
 * Measures how long each edit takes to reach every other user.
 */
export async function run(options: BenchOptions): Promise<BenchRow[]> {
  const users = options.quick ? 4 : 50
  const runs = options.quick ? 1 : 3
  const durationMs = options.quick ? 2_500 : 10_000
  const p50s: number[] = []
  const p99s: number[] = []
  for (let i = 0; i < runs; i++) {
    const redis = await RedisServer.start({ appendfsync: 'everysec' })
    const servers = [await startMockboard({ redisUrl: redis.url }), await startMockboard({ redisUrl: redis.url })]
    try {
      const room = `busy-room-${i}`
      await admit(servers[0]!, room)
      const half = Math.ceil(users / 2)
      const result = await runLoad(
        servers.map((server, s) => ({
          protocol: 'y-websocket' as const,
          url: server.url,
          room,
          clients: s === 0 ? half : users - half,
          role: 'peer' as const,
          presenceHz: 20,
          editHz: 1,
          durationMs,
        })),
        [...servers.map((s) => s.pid), redis.pid!]
      )
      p50s.push(percentile(result.latencies, 50))
      p99s.push(percentile(result.latencies, 99))
    } finally {
      await Promise.all(servers.map((s) => s.stop()))
      await redis.destroy()
    }
  }
  const scenario = `4. ${users} users, presence 20 Hz + 1 edit/s, 2 servers`
  const p99 = median(p99s)
  return [
    {
      scenario,
      metric: 'p50 edit latency (ms)',
      mockboard: round(median(p50s)),
      peers: {},
      ratio: null,
      goal: '—',
      met: null,
      runs,
      spread: spread(p50s),
    },
    {
      scenario,
      metric: 'p99 edit latency (ms)',
      mockboard: round(p99),
      peers: {},
      ratio: null,
      goal: '< 50 ms',
      met: p99 < 50,
      runs,
      spread: spread(p99s),
    },
  ]
}

const round = (n: number) => Math.round(n * 10) / 10
