/**
 * `npx tsx tests/bench/micro/busyRoomAb.ts <before-checkout> [rounds]`: the
 * busy room (scenario 4: 50 users on 2 servers, presence at 20 Hz and an edit
 * a second each) with another checkout's servers ("before", e.g. a worktree
 * of main with its `node_modules`) and this checkout's ("after"), alternating
 * run by run so drift on a shared machine hits both alike. Same CPU split,
 * load generators and Redis for both. Prints one row per run and the medians
 * with their spreads.
 */
import path from 'node:path'
import { BUSY_ROOM_WARMUP_MS, busyRoomRun, type RunStats } from '../scenarios/multiUser'
import { describeSplit } from '../cpuSplit'
import { median, spread } from '../types'

const before = process.argv[2]
if (!before) throw new Error('usage: busyRoomAb.ts <before-checkout> [rounds]')
const rounds = Number(process.argv[3] ?? 5)
const sides = { before: path.resolve(before), after: undefined } as const
const results: Record<keyof typeof sides, RunStats[]> = { before: [], after: [] }

console.log(`cores: ${describeSplit()}`)
for (let i = 0; i < rounds; i++) {
  // Alternate which side goes first, too.
  const order = i % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)
  for (const side of order) {
    const stats = await busyRoomRun({
      users: 50,
      durationMs: 10_000,
      warmupMs: BUSY_ROOM_WARMUP_MS,
      room: `ab-${side}-${i}`,
      root: sides[side],
    })
    results[side].push(stats)
    console.log(
      side,
      JSON.stringify(stats, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))
    )
  }
}
for (const side of ['before', 'after'] as const) {
  const list = results[side]
  const line = (
    [
      'p50',
      'p99',
      'delivered',
      'serverCpu',
      'cpuPerFrameIn',
      'framesOutPerIn',
      'loadCpu',
      'presenceRate',
      'framesPerUser',
      'load',
    ] as const
  ).map((key) => {
    const values = list.map((s) => s[key])
    return `${key} ${median(values).toFixed(1)} (${spread(values)})`
  })
  console.log(`${side}: ${line.join('; ')}`)
}
process.exit(0)
