/**
 * A load generator process for the benchmark (never the server's process).
 * Reads its job as JSON from argv[2], connects its clients, prints
 * `{"ready":true}`, waits for `go <start time>` on stdin, runs for
 * `warmupMs` (not measured) and `durationMs`, then
 * prints `{"latencies":[…],"received":n,"sent":n,"presenceSent":n,"frames":n,"cpuMs":n,"closes":{}}`
 * (`sent`: document updates; `frames`: every frame its clients received;
 * `cpuMs`: its own CPU time over the run; `closes`: sockets the server
 * closed, by code) and exits.
 *
 * Roles: `observer` clients only receive; `writer` clients write a timestamp
 * at `writeHz`; `peer` clients send presence at `presenceHz` and an edit at
 * `editHz`, and measure the edits of the others.
 */
import * as Y from 'yjs'
import WebSocket from 'ws'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { awarenessFrame, now, timestampIn, updateFrame, updateOf } from './wire'
import { testToken } from '../../support/tokens'
import { BENCH_USER } from '../benchUser'
import { getRecordsMap, recordToYMap } from '@/lib/binding/yRecords'
import { testShape } from '../../support/boardProbes'

import type { LoadJob } from './runLoad'

const job = JSON.parse(process.argv[2]!) as LoadJob
const latencies: number[] = []
let received = 0
let sent = 0
/** Every frame any client received (updates, presence, sync), for the fan-out's size. */
let frames = 0
/** Presence updates the clients sent. */
let presenceSent = 0
/** Sockets the server closed during the run, by close code (a healthy run has none). */
const closes: Record<number, number> = {}
const stops: (() => void)[] = []

/** Edits sent before this time (the warm-up) are not measured. */
let measureFrom = Infinity

function record(timestamp: number | null) {
  if (timestamp === null || timestamp < measureFrom) return
  received++
  latencies.push(Math.round((now() - timestamp) * 100) / 100)
}

/** Whether this process's clients apply what they receive to their docs (see `LoadJob.observersApply`). */
const applies = job.role === 'observer' && job.observersApply !== false

/** Origin of updates a client applies from the server (never sent back). */
const FROM_SERVER = Symbol('from server')

/** One raw y-websocket client: a Y.Doc whose updates it sends, and a decoder for what it receives. */
async function yWebsocketClient(index: number) {
  // Mockboard requires a collab token; the reference server ignores it.
  const token = await testToken(job.room, { user: BENCH_USER })
  const socket = new WebSocket(`${job.url}/${job.room}?token=${token}`)
  socket.binaryType = 'nodebuffer'
  socket.on('close', (code) => (closes[code] = (closes[code] ?? 0) + 1))
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  const move = shapeMover(doc, `shape:bench-${process.pid}-${index}`)
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_SERVER) return
    if (socket.readyState === socket.OPEN) socket.send(updateFrame(update))
    if (now() >= measureFrom) sent++
  })
  socket.on('message', (data: Buffer) => {
    frames++
    if (job.role === 'writer') return
    const update = updateOf(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    if (!update) return
    // Observers can do the same client work as the Hocuspocus observers, whose provider applies every update to
    // its doc (see `observersApply`). Peers only read the timestamp: 50 simulated users share one core here, and
    // applying every edit to 50 docs would make the last user wait for the others' Yjs work, which people on
    // their own machines never do.
    if (applies) Y.applyUpdate(doc, update, FROM_SERVER)
    record(timestampIn(update))
  })
  stops.push(() => {
    awareness.destroy()
    socket.terminate()
  })
  return {
    write: () => move(now()),
    presence: (x: number) => {
      awareness.setLocalState({ u: `u${index}`, p: 'page', k: [Math.round(x), 200], v: [0, 0, 1], b: [1280, 800] })
      if (socket.readyState !== socket.OPEN) return
      socket.send(awarenessFrame(encodeAwarenessUpdate(awareness, [doc.clientID])))
      presenceSent++
    },
  }
}

/** One Hocuspocus client (its own socket), through the official provider. */
async function hocuspocusClient() {
  const doc = new Y.Doc()
  const websocketProvider = new HocuspocusProviderWebsocket({ url: job.url, WebSocketPolyfill: WebSocket })
  const provider = new HocuspocusProvider({ websocketProvider, name: job.room, document: doc })
  provider.attach() // a provider given its own socket object does not attach by itself
  await new Promise<void>((resolve) => provider.on('synced', () => resolve()))
  const records = getRecordsMap(doc)
  const move = shapeMover(doc, `shape:bench-${process.pid}`)
  if (job.role !== 'writer') {
    records.observeDeep((events, transaction) => {
      if (transaction.local) return
      for (const event of events)
        if (event instanceof Y.YMapEvent && event.keysChanged.has('x'))
          record((event.target as Y.Map<unknown>).get('x') as number)
    })
  }
  stops.push(() => {
    provider.destroy()
    websocketProvider.destroy()
  })
  return {
    write: () => move(now()),
    presence: () => undefined,
  }
}

/**
 * What every bench writer sends: a shape move, the board's commonest edit
 * (the server validates board updates, so a made-up map would be refused).
 * The first call draws the shape; each later one writes its `x` (the send
 * time, which receivers read back as the first number in the update).
 */
function shapeMover(doc: Y.Doc, shapeId: string): (x: number) => void {
  const records = getRecordsMap(doc)
  return (x) => {
    const shape = records.get(shapeId)
    if (shape) shape.set('x', x)
    else records.set(shapeId, recordToYMap(testShape(shapeId, { x })))
  }
}

const clients: { write(): void; presence(x: number): void }[] = []
for (let i = 0; i < job.clients; i++) {
  clients.push(job.protocol === 'hocuspocus' ? await hocuspocusClient() : await yWebsocketClient(i))
}
await new Promise((resolve) => setTimeout(resolve, 300))
console.log(JSON.stringify({ ready: true }))
process.stdin.once('data', async (line: Buffer) => {
  const warmupMs = job.warmupMs ?? 0
  let cpuAtStart = process.cpuUsage()
  frames = 0 // count the run's frames only, not the joins'
  // "go <time>": the run's start, the same in every load process.
  measureFrom = Number(/^go ([\d.]+)/.exec(line.toString())?.[1] ?? now()) + warmupMs
  const warm = setTimeout(() => {
    cpuAtStart = process.cpuUsage()
    frames = 0
    presenceSent = 0
  }, measureFrom - now())
  const timers: ReturnType<typeof setInterval>[] = []
  const starts: ReturnType<typeof setTimeout>[] = []
  if (job.role === 'writer') {
    timers.push(setInterval(() => clients.forEach((c) => c.write()), 1000 / (job.writeHz ?? 30)))
  }
  if (job.role === 'peer') {
    const presencePeriod = 1000 / (job.presenceHz ?? 20)
    const editPeriod = 1000 / (job.editHz ?? 1)
    const { first, of } = job.slots ?? { first: 0, of: clients.length }
    clients.forEach((client, i) => {
      // Spread the run's clients evenly over each period, as independent
      // users would be, so no two edit or move in the same instant.
      const share = (first + i) / of
      let x = 0
      const presence = setTimeout(() => {
        timers.push(setInterval(() => client.presence((x += 7)), presencePeriod))
      }, share * presencePeriod)
      const edit = setTimeout(() => {
        timers.push(setInterval(() => client.write(), editPeriod))
      }, share * editPeriod)
      starts.push(presence, edit)
    })
  }
  await new Promise((resolve) => setTimeout(resolve, warmupMs + job.durationMs))
  clearTimeout(warm)
  starts.forEach(clearTimeout)
  timers.forEach(clearInterval)
  await new Promise((resolve) => setTimeout(resolve, 1000)) // let deliveries drain
  const cpu = process.cpuUsage(cpuAtStart)
  const cpuMs = (cpu.user + cpu.system) / 1000
  process.stdout.write(
    JSON.stringify({ latencies, received, sent, presenceSent, frames, cpuMs, closes }) + '\n',
    () => {
      stops.forEach((stop) => stop())
      process.exit(0)
    }
  )
})
