import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { getRecordsMap, recordToYMap } from '@/lib/binding/yRecords'
import { connectProvider, synced } from '../../support/providers'
import { testToken } from '../../support/tokens'
import { freePort } from '../../support/ports'
import { admit, BENCH_USER, startMockboard, startReference, type BenchServer } from '../servers'
import { median, spread, type BenchOptions, type BenchRow } from '../types'
import { geoShapes } from './coldJoin'

const SCENARIO = '7. Memory'
const schema = createBoardSchema()
/** The small board every idle room holds: a few labelled boxes. */
const SMALL_BOARD = geoShapes(5, 'mem')
/** How long the server gets to settle before RSS is read again. */
const SETTLE_MS = 2_000
/** Clients opened at once: enough to be quick, few enough not to flood a 2-core box. */
const BATCH = 25

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Opens one stock provider on `room` and writes the small board. Our server
 * seeds new rooms itself (the seed here is then a no-op); on the reference
 * server the client seeds, so both hold the same records.
 */
async function openBoard(url: string, room: string): Promise<() => void> {
  const client = connectProvider(url, room, { user: BENCH_USER })
  await synced(client.provider)
  seedBoardDoc(client.doc, schema)
  client.doc.transact(() => {
    const records = getRecordsMap(client.doc)
    for (const shape of SMALL_BOARD) records.set(shape.id, recordToYMap(shape))
  })
  return client.destroy
}

// The least a y-websocket client does: sync step 1 with an empty state
// vector, and an (empty) step 2 when the server asks for ours.
const emptyDoc = new Y.Doc()
const STEP1 = syncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, emptyDoc))
const STEP2 = syncFrame((encoder) => syncProtocol.writeSyncStep2(encoder, emptyDoc))

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // messageSync
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * A bare `ws` socket that does the sync handshake and then stays idle.
 * Cheaper for the bench process than a provider (no doc, no awareness), and
 * it adds no awareness traffic that would grow with the square of the
 * number of connections on the server.
 */
async function openIdleSocket(url: string, room: string): Promise<WebSocket> {
  // The reference server ignores the token; ours requires it.
  const socket = new WebSocket(`${url}/${room}?token=${await testToken(room, { user: BENCH_USER })}`)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('idle socket did not sync')), 20_000)
    socket.once('error', reject)
    socket.once('open', () => socket.send(STEP1))
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== 0) return
      const type = decoding.readVarUint(decoder)
      if (type === syncProtocol.messageYjsSyncStep1) socket.send(STEP2)
      if (type === syncProtocol.messageYjsSyncStep2) {
        clearTimeout(timer)
        resolve(socket)
      }
    })
  })
}

/** Runs `open` for 0…count-1, `BATCH` at a time. */
async function inBatches<T>(count: number, open: (i: number) => Promise<T>): Promise<T[]> {
  const opened: T[] = []
  for (let i = 0; i < count; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => open(i + j))
    opened.push(...(await Promise.all(batch)))
  }
  return opened
}

/** A server under measurement, with Node's inspector attached for GC and heap. */
interface Measured {
  server: BenchServer
  /** Forces a full GC in the server, then reads its RSS and live JS heap (KB). */
  sample(): Promise<{ rssKb: number; heapKb: number }>
  stop(): Promise<void>
}

/**
 * Starts a server whose inspector we can open later: NODE_OPTIONS (which the
 * launcher passes on) picks a free inspector port, and SIGUSR1 opens it, as
 * Node does for any process. Both servers are plain Node, so both are
 * measured the same way; the inspector is open before the baseline, so its
 * own memory is not charged to rooms or connections.
 */
async function startMeasured(start: () => Promise<BenchServer>): Promise<Measured> {
  const inspectPort = await freePort()
  const saved = process.env.NODE_OPTIONS
  process.env.NODE_OPTIONS = `${saved ?? ''} --inspect-port=127.0.0.1:${inspectPort}`.trim()
  let server: BenchServer
  try {
    server = await start()
  } finally {
    if (saved === undefined) delete process.env.NODE_OPTIONS
    else process.env.NODE_OPTIONS = saved
  }
  try {
    process.kill(server.pid, 'SIGUSR1')
    const inspector = await openInspector(inspectPort)
    return {
      server,
      async sample() {
        await inspector.call('HeapProfiler.collectGarbage')
        const heap = (await inspector.call('Runtime.getHeapUsage')) as { usedSize: number }
        return { rssKb: server.rssKb(), heapKb: heap.usedSize / 1024 }
      },
      async stop() {
        inspector.socket.terminate()
        await server.stop()
      },
    }
  } catch (error) {
    await server.stop()
    throw error
  }
}

/** A minimal Chrome DevTools Protocol client on a Node inspector port. */
async function openInspector(port: number): Promise<{ socket: WebSocket; call: (method: string) => Promise<unknown> }> {
  // The inspector opens a moment after the signal.
  const deadline = Date.now() + 10_000
  let targets: Array<{ webSocketDebuggerUrl: string }> = []
  while (!targets.length) {
    targets = await fetch(`http://127.0.0.1:${port}/json/list`)
      .then((response) => response.json() as Promise<typeof targets>)
      .catch(() => [])
    if (!targets.length && Date.now() > deadline) throw new Error('server inspector did not open')
    if (!targets.length) await sleep(100)
  }
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl)
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>()
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } }
    const call = message.id === undefined ? undefined : pending.get(message.id)
    if (!call) return
    pending.delete(message.id!)
    if (message.error) call.reject(new Error(message.error.message))
    else call.resolve(message.result)
  })
  // A server that dies must fail the measurement, not hang it.
  socket.on('error', () => undefined)
  socket.on('close', () => {
    for (const call of pending.values()) call.reject(new Error('server inspector closed'))
    pending.clear()
  })
  let nextId = 0
  return {
    socket,
    call: (method) =>
      new Promise((resolve, reject) => {
        const id = ++nextId
        pending.set(id, { resolve, reject })
        socket.send(JSON.stringify({ id, method }))
      }),
  }
}

/** Memory growth per room or connection, in KB. */
interface Growth {
  rssKb: number
  heapKb: number
}

/**
 * On a fresh server: memory growth per idle room, each with one provider
 * that synced a small board. One room is opened before the baseline so lazy
 * loading (modules, JIT, the first SQLite statements) is not charged to the
 * rooms. Both readings follow a forced full GC, so garbage from opening the
 * rooms is not counted and the numbers are steady from run to run.
 */
async function perRoom(start: () => Promise<BenchServer>, rooms: number): Promise<Growth> {
  const measured = await startMeasured(start)
  const url = measured.server.url
  const closers: Array<() => void> = []
  try {
    // Admitted before the baseline: the directory's rows are not what this measures.
    await admit(measured.server, 'memory-warm-up')
    for (let i = 0; i < rooms; i++) await admit(measured.server, `memory-room-${i}`)
    closers.push(await openBoard(url, 'memory-warm-up'))
    await sleep(500)
    const before = await measured.sample()
    closers.push(...(await inBatches(rooms, (i) => openBoard(url, `memory-room-${i}`))))
    await sleep(SETTLE_MS)
    return growth(before, await measured.sample(), rooms)
  } finally {
    for (const close of closers) close()
    await measured.stop()
  }
}

/**
 * On a fresh server: memory growth per idle connection to one room (which
 * holds the small board, written by a provider that stays connected).
 */
async function perConnection(start: () => Promise<BenchServer>, connections: number): Promise<Growth> {
  const measured = await startMeasured(start)
  const url = measured.server.url
  const closers: Array<() => void> = []
  try {
    const room = 'memory-connections'
    await admit(measured.server, room)
    closers.push(await openBoard(url, room))
    const warmUp = await openIdleSocket(url, room)
    closers.push(() => warmUp.terminate())
    await sleep(500)
    const before = await measured.sample()
    const sockets = await inBatches(connections, () => openIdleSocket(url, room))
    closers.push(...sockets.map((socket) => () => socket.terminate()))
    await sleep(SETTLE_MS)
    return growth(before, await measured.sample(), connections)
  } finally {
    for (const close of closers) close()
    await measured.stop()
  }
}

function growth(before: Growth, after: Growth, count: number): Growth {
  return { rssKb: (after.rssKb - before.rssKb) / count, heapKb: (after.heapKb - before.heapKb) / count }
}

const round1 = (value: number) => Math.round(value * 10) / 10

function row(metric: string, goalKb: number | null, ours: number[], reference: number[]): BenchRow {
  const mockboard = median(ours)
  const peer = median(reference)
  return {
    scenario: SCENARIO,
    metric,
    mockboard: round1(mockboard),
    peers: { reference: round1(peer) },
    ratio: { against: 'reference', value: Math.round((mockboard / peer) * 100) / 100 },
    goal: goalKb === null ? '—' : `< ${goalKb} KB`,
    met: goalKb === null ? null : mockboard < goalKb,
    runs: ours.length,
    spread: spread(ours),
  }
}

/**
 * Scenario 7: server memory per idle open room and per idle connection, ours
 * against the reference y-websocket server: RSS (the goals) and live JS heap
 * after a full GC (read through Node's inspector). Every measurement runs on
 * a fresh server process; all clients live in the bench process.
 */
export async function run(options: BenchOptions): Promise<BenchRow[]> {
  const rooms = options.quick ? 10 : 200
  const connections = options.quick ? 20 : 500
  const runs = options.quick ? 1 : 5
  // Each provider adds a process 'exit' listener (y-websocket does so in Node).
  const maxListeners = process.getMaxListeners()
  process.setMaxListeners(Math.max(maxListeners, rooms + 20))
  const room = { ours: [] as Growth[], reference: [] as Growth[] }
  const connection = { ours: [] as Growth[], reference: [] as Growth[] }
  try {
    for (let i = 0; i < runs; i++) {
      room.ours.push(await perRoom(() => startMockboard(), rooms))
      room.reference.push(await perRoom(startReference, rooms))
      connection.ours.push(await perConnection(() => startMockboard(), connections))
      connection.reference.push(await perConnection(startReference, connections))
    }
  } finally {
    process.setMaxListeners(maxListeners)
  }
  const rss = (runs: Growth[]) => runs.map((run) => run.rssKb)
  const heap = (runs: Growth[]) => runs.map((run) => run.heapKb)
  return [
    row('RSS per idle open room (KB)', 150, rss(room.ours), rss(room.reference)),
    row('RSS per idle connection (KB)', 50, rss(connection.ours), rss(connection.reference)),
    row('JS heap per idle open room (KB)', null, heap(room.ours), heap(room.reference)),
    row('JS heap per idle connection (KB)', null, heap(connection.ours), heap(connection.reference)),
  ]
}
