import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import Redis from 'ioredis'
import { RedisServer } from '../../support/redisServer'
import { withDirectory } from '../../support/members'
import { BENCH_USER, startMockboard } from '../servers'
import { processCpuMs } from '../processStats'
import { pin } from '../cpuSplit'
import { percentile, type BenchOptions, type BenchRow } from '../types'
import type { RoomsJob } from '../load/roomsClient'

const ROOT = path.resolve(import.meta.dirname, '../../..')

/** One load process (see `roomsClient.ts`) and its stdout lines. */
function spawnRooms(job: RoomsJob) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--max-old-space-size=4096', '--import', 'tsx', 'tests/bench/load/roomsClient.ts', JSON.stringify(job)],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] }
  )
  pin(child.pid, 'load')
  child.stdin!.on('error', () => undefined) // a load process that died is reported by next()
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]()
  return {
    child,
    next: async () => {
      const line = await lines.next()
      if (line.done) throw new Error('rooms load process ended early')
      return JSON.parse(line.value) as { ready?: boolean; latencies?: number[] }
    },
    send: (command: object) => child.stdin!.write(JSON.stringify(command) + '\n'),
  }
}

/** Redis's counters: commands processed so far (those Lua scripts run included) and memory in use. */
async function redisStats(admin: Redis): Promise<{ commands: number; memory: number }> {
  const info = await admin.info()
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1])
  return { commands: field('total_commands_processed'), memory: field('used_memory') }
}

/** Calls per command so far (`INFO commandstats`). */
async function commandCalls(admin: Redis): Promise<Map<string, number>> {
  const calls = new Map<string, number>()
  for (const match of (await admin.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    calls.set(match[1]!, Number(match[2]))
  }
  return calls
}

/**
 * Measures Redis commands/s and CPU (% of one core) of `pids` over `ms`, and
 * prints which commands Redis ran (per second) to stderr.
 */
async function window(admin: Redis, pids: number[], ms: number, name: string) {
  const calls = await commandCalls(admin)
  const before = await redisStats(admin)
  const cpuBefore = pids.map(processCpuMs)
  const started = Date.now()
  await new Promise((resolve) => setTimeout(resolve, ms))
  const elapsed = Date.now() - started
  const after = await redisStats(admin)
  const rates = [...(await commandCalls(admin))]
    .map(([command, n]) => [command, ((n - (calls.get(command) ?? 0)) * 1000) / elapsed] as const)
    .filter(([, rate]) => rate > 0)
  process.stderr.write(`bench: idleRooms ${name}: ${rates.map(([c, r]) => `${c} ${r.toFixed(1)}/s`).join(', ')}\n`)
  // HGET here is the member's role read again when a connection's token expires (every 5 min per connection).
  const rechecksPerSecond = rates.find(([command]) => command === 'hget')?.[1] ?? 0
  const cpu = pids.map((pid, i) => ((processCpuMs(pid) - cpuBefore[i]!) / elapsed) * 100)
  // Less the one INFO of this measurement that Redis counted inside the window.
  const commandsPerSecond = ((after.commands - before.commands - 1) * 1000) / elapsed
  return { commandsPerSecond, rechecksPerSecond, cpu, memory: after.memory }
}

/**
 * Scenario 9: many rooms, most of them idle. 10,000 rooms open across two
 * Mockboard servers on one Redis, one raw y-websocket client each (half the
 * rooms on each server; each client sent sync step 1 and a cursor, and
 * renews the cursor every 15 s as y-protocols does). 1 % of the rooms are
 * active: a writer moves a shape 2 times a second and its cursor 10 times,
 * and an observer on the other server (the path through Redis) measures
 * each move's delivery. Reports Redis commands per second and the servers'
 * CPU while every room is idle (30 s, so every client renews at least once),
 * then while the active rooms run (20 s). Every client's token is
 * re-checked against the directory when it expires (5 min), which Redis sees
 * as one HGET per connection every 5 min; that is reported apart.
 */
export async function run(options: BenchOptions): Promise<BenchRow[]> {
  const rooms = options.quick ? 40 : 10_000
  const idleMs = options.quick ? 2_000 : 30_000
  const activeMs = options.quick ? 2_000 : 20_000
  const settleMs = options.quick ? 500 : 5_000
  const names = Array.from({ length: rooms }, (_, i) => `many-room-${i}`)
  const isActive = (i: number) => i % 200 < 2 // 1 %, half on each server
  const redis = await RedisServer.start({ appendfsync: 'everysec' })
  pin(redis.pid, 'servers')
  const servers = [await startMockboard({ redisUrl: redis.url }), await startMockboard({ redisUrl: redis.url })]
  const admin = new Redis(redis.url)
  const loads: ReturnType<typeof spawnRooms>[] = []
  try {
    await withDirectory({ redis: redis.config }, async (directory) => {
      for (let i = 0; i < names.length; i += 500) {
        await Promise.all(
          names
            .slice(i, i + 500)
            .map((room) =>
              directory.putMember(room, { userId: BENCH_USER, name: 'bench', role: 'interviewer', joinedAt: 0 })
            )
        )
      }
    })
    const empty = (await redisStats(admin)).memory
    for (const [s, server] of servers.entries()) {
      const mine = names.filter((_, i) => i % 2 === s)
      const active = names.filter((_, i) => i % 2 === s && isActive(i))
      const common = { editHz: 2, presenceHz: 10 }
      const idle = mine.filter((room) => !active.includes(room))
      loads.push(spawnRooms({ url: server.url, idle, active, activeRole: 'writer', ...common }))
      loads.push(spawnRooms({ url: servers[1 - s]!.url, idle: [], active, activeRole: 'observer', ...common }))
    }
    for (const load of loads) await load.next()
    await new Promise((resolve) => setTimeout(resolve, settleMs))
    const pids = [...servers.map((s) => s.pid), redis.pid!]
    const idle = await window(admin, pids, idleMs, 'idle')
    const activeNames = names.filter((_, i) => isActive(i))
    const activeRooms = activeNames.length
    for (const load of loads) load.send({ active: activeMs })
    const during = window(admin, pids, activeMs, 'active')
    const results = await Promise.all(loads.map((load) => load.next()))
    const busy = await during
    const latencies = results.flatMap((r) => r.latencies ?? [])
    const scenario = `11. ${rooms.toLocaleString('en')} open rooms, 1 client each, 2 servers, 1 % active`
    const row = (metric: string, value: number, goal = '—', met: boolean | null = null): BenchRow => ({
      scenario,
      metric,
      mockboard: Math.round(value * 10) / 10,
      peers: {},
      ratio: null,
      goal,
      met,
      runs: 1,
    })
    const serverCpu = (cpu: number[]) => cpu[0]! + cpu[1]!
    const expectedIdle = servers.length + (2 * activeRooms) / 15
    return [
      row('Redis commands/s, all idle', idle.commandsPerSecond),
      row('… of which role rechecks at token expiry (HGET)', idle.rechecksPerSecond),
      // The rest: a heartbeat per server and second, and the cursor renewals (one per client every 15 s) of the
      // rooms held by both servers (the active ones, idle for now); nothing for rooms on one server.
      row(
        '… the rest (rooms, awareness, heartbeats)',
        idle.commandsPerSecond - idle.rechecksPerSecond,
        `≤ ${expectedIdle.toFixed(1)}: heartbeats + renewals of the rooms on both servers`,
        idle.commandsPerSecond - idle.rechecksPerSecond <= expectedIdle + 1
      ),
      row('servers CPU, all idle (% of a core, both)', serverCpu(idle.cpu)),
      row('Redis CPU, all idle (% of a core)', idle.cpu[2]!),
      row('Redis commands/s, 1 % active', busy.commandsPerSecond),
      row('servers CPU, 1 % active (% of a core, both)', serverCpu(busy.cpu)),
      row('p99 delivery in active rooms, across servers (ms)', percentile(latencies, 99)),
      row('Redis memory per open room (KB)', (idle.memory - empty) / rooms / 1024),
    ]
  } finally {
    for (const load of loads) {
      load.send({ stop: true })
      if (load.child.exitCode === null) setTimeout(() => load.child.kill('SIGKILL'), 2_000).unref()
    }
    admin.disconnect()
    await Promise.all(servers.map((s) => s.stop()))
    await redis.destroy()
  }
}
