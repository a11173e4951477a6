/**
 * `npx tsx tests/bench/micro/appendStall.ts`: the slowest appends on the
 * embedded store (SQLite, WAL, synchronous = NORMAL), with SQLite's automatic
 * checkpoint running inside the append that crosses its threshold ("inline",
 * as before `WalCheckpointer`) and with checkpoints on their own thread
 * ("background", what ships). One room appends a 46-byte update (a shape move)
 * every `PACE_MS` ms, `APPENDS` times, each awaited as a room awaits it before
 * broadcasting; prints the wall time of the slowest appends and how many took
 * over 5 ms. Every append that waits is a stall of the server's event loop:
 * every room on it waits too.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SqliteRoomStorage } from '@/server/storage/SqliteRoomStorage'

const APPENDS = 3_000
const PACES_MS = [5, 1]
const update = new Uint8Array(46).fill(7)

/** Wall ms of each of `APPENDS` appends, one every `paceMs`. */
async function appendTimes(checkpointInBackground: boolean, paceMs: number): Promise<number[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-stall-'))
  const storage = new SqliteRoomStorage({ dataDir: dir, checkpointInBackground })
  try {
    const times: number[] = []
    for (let i = 0; i < APPENDS; i++) {
      const start = performance.now()
      await storage.appendUpdate('room', { time: Date.now(), author: 'user:a', update })
      times.push(performance.now() - start)
      await new Promise((resolve) => setTimeout(resolve, paceMs))
    }
    return times
  } finally {
    await storage.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

for (const paceMs of PACES_MS) {
  for (const background of [false, true]) {
    const times = (await appendTimes(background, paceMs)).sort((a, b) => b - a)
    const slowest = times.slice(0, 5).map((ms) => ms.toFixed(2))
    const over5 = times.filter((ms) => ms > 5).length
    const median = times[Math.floor(times.length / 2)]!.toFixed(3)
    console.log(
      `one append every ${paceMs} ms, checkpoints ${background ? 'on their own thread' : 'inside appends   '}: ` +
        `slowest ${slowest.join(', ')} ms; ${over5} of ${APPENDS} over 5 ms; median ${median} ms`
    )
  }
}
