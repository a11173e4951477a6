/**
 * `npx tsx tests/bench/micro/guardCost.ts`: server CPU per accepted shape
 * move, in one process (no sockets, no storage): the reference server's work
 * (apply the update) against Mockboard's (decode it, check it with
 * {@link BoardUpdateGuard}, apply it and capture what it changed). A board of
 * `SHAPES` geo shapes; the writer moves one shape per update, as the fanout
 * bench's writer does. Prints the median of `ROUNDS` rounds, in µs of CPU per update.
 *
 * Then the same two paths paced as the fanout bench's writer paces them, one
 * update every 33 ms with the process idle in between (`PACED` updates each,
 * taking turns): wall time per update, median. On a shared virtual machine
 * the paced figure is several times the tight loop's (caches and the core's
 * state gone cold while idle), and it is what each update costs a server in
 * the fanout bench.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import * as Y from 'yjs'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { getRecordsMap, recordToYMap } from '@/lib/binding/yRecords'
import { BoardUpdateGuard } from '@/server/rooms/BoardUpdateGuard'
import { applyAndCapture } from '@/server/rooms/captureUpdate'
import { geoShapes } from '../scenarios/coldJoin'
import { median } from '../types'

const SHAPES = 200
const UPDATES = 5_000
const ROUNDS = 7
const PACED = 300
const PACE_MS = 33
const schema = createBoardSchema()

/** The board as the server holds it, encoded. */
function boardUpdate(): Uint8Array {
  const doc = new Y.Doc()
  seedBoardDoc(doc, schema)
  doc.transact(() => {
    for (const shape of geoShapes(SHAPES, 'micro')) getRecordsMap(doc).set(shape.id, recordToYMap(shape))
  })
  return Y.encodeStateAsUpdate(doc)
}

/** `UPDATES` moves of shapes of the board, as a client sends them. */
function moves(board: Uint8Array): Uint8Array[] {
  const client = new Y.Doc()
  Y.applyUpdate(client, board)
  const updates: Uint8Array[] = []
  client.on('update', (update: Uint8Array) => updates.push(update))
  const ids = [...getRecordsMap(client).keys()].filter((id) => id.startsWith('shape:'))
  for (let i = 0; i < UPDATES; i++)
    getRecordsMap(client)
      .get(ids[i % 7]!)!
      .set('x', 1000 + i)
  return updates
}

/** CPU time (user + system, so a busy shared machine inflates it less than wall time), µs per update. */
function time(run: () => void): number {
  const before = process.cpuUsage()
  run()
  const { user, system } = process.cpuUsage(before)
  return (user + system) / UPDATES
}

/** The reference server's work per update, on a fresh copy of the board: apply it. */
function referencePath(): (update: Uint8Array) => void {
  const plain = new Y.Doc()
  Y.applyUpdate(plain, board)
  return (update) => Y.applyUpdate(plain, update)
}

/** Mockboard's work per update, on a fresh copy of the board: decode, check, apply and capture. `done` frees it. */
function mockboardPath(): { accept: (update: Uint8Array) => void; done: () => void } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, board)
  const guard = new BoardUpdateGuard(doc, schema)
  const sender = {}
  return {
    accept: (update) => {
      const decoded = Y.decodeUpdate(update) // as the room does, and hands it to the guard
      guard.admit(update, 'user:bench', sender, (checked) => applyAndCapture(doc, checked, sender), decoded)
    },
    done: () => guard.destroy(),
  }
}

const board = boardUpdate()
const updates = moves(board)
const results = { reference: [] as number[], mockboard: [] as number[] }
for (let round = 0; round < ROUNDS; round++) {
  const reference = referencePath()
  results.reference.push(time(() => updates.forEach(reference)))
  const mockboard = mockboardPath()
  results.mockboard.push(time(() => updates.forEach(mockboard.accept)))
  mockboard.done()
}
const range = (list: number[]) => `${Math.min(...list).toFixed(1)}–${Math.max(...list).toFixed(1)}`
console.log(`board: ${SHAPES} shapes, ${board.byteLength} B encoded; ${UPDATES} moves, ${ROUNDS} rounds`)
for (const [name, list] of Object.entries(results)) {
  console.log(`${name}: ${median(list).toFixed(1)} µs per update (${range(list)})`)
}

/** Wall time of each of `PACED` updates per path, one every `PACE_MS`, the paths taking turns. */
async function paced(): Promise<{ reference: number[]; mockboard: number[] }> {
  const reference = referencePath()
  const mockboard = mockboardPath()
  const times = { reference: [] as number[], mockboard: [] as number[] }
  const timed = (run: () => void) => {
    const start = performance.now()
    run()
    return (performance.now() - start) * 1000
  }
  for (const update of updates.slice(0, PACED)) {
    await sleep(PACE_MS)
    times.reference.push(timed(() => reference(update)))
    await sleep(PACE_MS)
    times.mockboard.push(timed(() => mockboard.accept(update)))
  }
  mockboard.done()
  return times
}

const pacedTimes = await paced()
console.log(`paced, one update every ${PACE_MS} ms, ${PACED} each (wall time, median):`)
for (const [name, list] of Object.entries(pacedTimes)) console.log(`${name}: ${median(list).toFixed(1)} µs per update`)
