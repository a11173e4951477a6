/**
 * `npx tsx tests/bench/micro/appendCost.ts`: CPU per log append on the
 * embedded store (SQLite, WAL, synchronous = NORMAL), when each event-loop
 * turn brings one append (one writer, the fanout bench) or one append for
 * each of `ROOMS` rooms (a busy server). Each append is awaited the way a
 * room awaits it before broadcasting. Prints µs of CPU per append, median of
 * `ROUNDS` rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SqliteRoomStorage } from '@/server/storage/SqliteRoomStorage'

const ROOMS = 50
const TURNS = 200
const ROUNDS = 5
const update = new Uint8Array(50).fill(7)

/** CPU µs per append over `turns` turns of `rooms` appends each. */
async function measure(storage: SqliteRoomStorage, rooms: number, turns: number, round: number): Promise<number> {
  const before = process.cpuUsage()
  for (let turn = 0; turn < turns; turn++) {
    const appends = []
    for (let room = 0; room < rooms; room++) {
      appends.push(storage.appendUpdate(`r${round}-${room}`, { time: Date.now(), author: 'user:a', update }))
    }
    await Promise.all(appends)
    await new Promise((resolve) => setImmediate(resolve)) // the next turn
  }
  const { user, system } = process.cpuUsage(before)
  return (user + system) / (rooms * turns)
}

const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-append-'))
const storage = new SqliteRoomStorage({ dataDir: dir })
const results: Record<string, number[]> = { '1 room per turn': [], [`${ROOMS} rooms per turn`]: [] }
try {
  for (let round = 0; round < ROUNDS; round++) {
    results['1 room per turn']!.push(await measure(storage, 1, TURNS * 10, round))
    results[`${ROOMS} rooms per turn`]!.push(await measure(storage, ROOMS, TURNS, round))
  }
} finally {
  await storage.close()
  rmSync(dir, { recursive: true, force: true })
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!
const range = (list: number[]) => `${Math.min(...list).toFixed(1)}–${Math.max(...list).toFixed(1)}`
for (const [name, list] of Object.entries(results)) {
  console.log(`${name}: ${median(list).toFixed(1)} µs of CPU per append (${range(list)})`)
}
