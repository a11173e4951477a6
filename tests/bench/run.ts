/**
 * `npm run bench`: Mockboard side by side with the reference y-websocket
 * server and Hocuspocus + Redis, on this machine, in one run. Starts every
 * server it needs on loopback (and redis-server in a temp dir), stops them,
 * prints one table and writes tests/bench/results/latest.json.
 *
 * `npm run bench -- --quick` runs every scenario at a tiny size (a smoke test
 * of the harness, part of `npm test`; its numbers mean nothing).
 */
import { cpus, loadavg, totalmem } from 'node:os'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { renderTable } from './report'
import { CPU_SPLIT, describeSplit } from './cpuSplit'
import type { BenchOptions, BenchRow } from './types'
import * as wireBytes from './scenarios/wireBytes'
import * as fanout from './scenarios/fanout'
import * as multiUser from './scenarios/multiUser'
import * as coldJoin from './scenarios/coldJoin'
import * as boardLoad from './scenarios/boardLoad'
import * as memory from './scenarios/memory'
import * as replaySeek from './scenarios/replaySeek'
import * as failoverAppend from './scenarios/failoverAppend'
import * as coldTier from './scenarios/coldTier'
import * as idleRooms from './scenarios/idleRooms'

const options: BenchOptions = { quick: process.argv.includes('--quick') }
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length)
const scenarios = {
  wireBytes,
  fanout,
  multiUser,
  coldJoin,
  boardLoad,
  memory,
  replaySeek,
  failoverAppend,
  coldTier,
  idleRooms,
}

const rows: BenchRow[] = []
const started = Date.now()
for (const [name, scenario] of Object.entries(scenarios)) {
  if (only && !only.split(',').includes(name)) continue
  const t0 = Date.now()
  process.stderr.write(`bench: ${name}…\n`)
  rows.push(...(await scenario.run(options)))
  process.stderr.write(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`)
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
const table = renderTable(rows)
console.log(`\nMockboard benchmarks${options.quick ? ' (quick smoke run: numbers mean nothing)' : ''}`)
console.log(`${machine}; ${new Date().toISOString()}; ${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log(
  `Cores: ${describeSplit()}; load average at the end ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')}\n`
)
console.log(table)
const failed = rows.filter((r) => r.met === false).length
console.log(`\n${rows.filter((r) => r.met === true).length} goals met, ${failed} missed`)

if (!options.quick) {
  const dir = path.join(import.meta.dirname, 'results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, 'latest.json'),
    JSON.stringify({ machine, cpuSplit: CPU_SPLIT, date: new Date().toISOString(), rows }, null, 2) + '\n'
  )
}
// Exit explicitly: lingering client sockets must not keep the run alive.
process.exit(0)
