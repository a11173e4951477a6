/**
 * A load generator process for the many-rooms benchmark: one raw y-websocket
 * client per room, thousands of rooms per process. Reads its job as JSON from
 * argv[2], connects every client (sync step 1 and a cursor, as the app's
 * client does) and waits until the server answered with the room's doc,
 * prints `{"ready":true}`; then each stdin line is a command:
 * `{"active":ms}` runs the active rooms for that long and prints
 * `{"latencies":[…]}`; `{"stop":true}` exits.
 *
 * Idle clients renew their unchanged cursor every 15 s, as y-protocols'
 * awareness does (timers spread over the 15 s). Awareness is encoded by hand:
 * an `Awareness` object per client would add a timer per client to this
 * process. In active rooms the `writer` moves a shape `editHz` times a second
 * and its cursor `presenceHz` times; the `observer` (on the other server)
 * applies what it receives and records each move's delivery latency.
 */
import * as Y from 'yjs'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { createInterface } from 'node:readline'
import { awarenessFrame, now, timestampIn, updateFrame, updateOf } from './wire'
import { testToken } from '../../support/tokens'
import { BENCH_USER } from '../benchUser'
import { getRecordsMap, recordToYMap } from '@/lib/binding/yRecords'
import { testShape } from '../../support/boardProbes'

/** One load process's job. */
export interface RoomsJob {
  url: string
  /** Rooms whose client is idle (connected, renewing its cursor). */
  idle: string[]
  /** Active rooms, and what this process's client does in them. */
  active: string[]
  activeRole: 'writer' | 'observer'
  editHz: number
  presenceHz: number
}

const job = JSON.parse(process.argv[2]!) as RoomsJob
const RENEW_MS = 15_000
const CONNECT_BATCH = 100
const latencies: number[] = []
/** When this client started ({@link now}'s clock): writers' send times in this run are later, less a margin. */
const startedAt = now()
const sockets: WebSocket[] = []
const timers: ReturnType<typeof setInterval>[] = []

/** An awareness update of one client: [count 1][client id][clock][state JSON]. */
function awarenessUpdate(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, JSON.stringify(state))
  return encoding.toUint8Array(encoder)
}

async function connect(room: string, index: number) {
  const token = await testToken(room, { user: BENCH_USER })
  const socket = new WebSocket(`${job.url}/${room}?token=${token}`)
  socket.binaryType = 'nodebuffer'
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  sockets.push(socket)
  const doc = new Y.Doc()
  // Connected means loaded: the server answers sync step 1 (with step 2) only once the room is in memory.
  const loaded = new Promise<void>((resolve) => {
    const onMessage = (data: Buffer) => {
      if (data[0] !== 0 || data[1] !== 1) return
      socket.off('message', onMessage)
      resolve()
    }
    socket.on('message', onMessage)
  })
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep1(encoder, doc)
  socket.send(encoding.toUint8Array(encoder))
  let clock = 0
  let cursor = { u: `u${index}`, p: 'page', k: [index % 1000, 200], v: [0, 0, 1], b: [1280, 800] }
  const sendCursor = () => {
    if (socket.readyState === socket.OPEN) socket.send(awarenessFrame(awarenessUpdate(doc.clientID, ++clock, cursor)))
  }
  sendCursor()
  await loaded
  // y-protocols renews an unchanged state every 15 s; spread the clients over that time.
  setTimeout(() => timers.push(setInterval(sendCursor, RENEW_MS)), (index * 7919) % RENEW_MS).unref()
  return {
    socket,
    doc,
    moveCursor: (x: number) => {
      cursor = { ...cursor, k: [x, 200] }
      sendCursor()
    },
  }
}

async function connectAll<T>(rooms: string[], offset: number, open: (room: string, i: number) => Promise<T>) {
  const out: T[] = []
  for (let i = 0; i < rooms.length; i += CONNECT_BATCH) {
    out.push(...(await Promise.all(rooms.slice(i, i + CONNECT_BATCH).map((room, j) => open(room, offset + i + j)))))
  }
  return out
}

await connectAll(job.idle, 0, connect)
const active = await connectAll(job.active, job.idle.length, connect)
if (job.activeRole === 'observer') {
  for (const { socket, doc } of active) {
    socket.on('message', (data: Buffer) => {
      const update = updateOf(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      if (!update) return
      Y.applyUpdate(doc, update)
      const sent = timestampIn(update)
      // Send times only (taken since this client started, less a margin): the update that draws the shape may
      // start with some other number.
      if (sent !== null && sent > startedAt - 60_000) latencies.push(Math.round((now() - sent) * 100) / 100)
    })
  }
}

/** Runs the active rooms for `durationMs`, then reports what the observers measured. */
async function runActive(durationMs: number): Promise<void> {
  const phase: ReturnType<typeof setInterval>[] = []
  if (job.activeRole === 'writer') {
    active.forEach(({ socket, doc, moveCursor }, i) => {
      const records = getRecordsMap(doc)
      const shapeId = `shape:bench-${process.pid}-${i}`
      doc.on('update', (update: Uint8Array) => socket.readyState === socket.OPEN && socket.send(updateFrame(update)))
      setTimeout(
        () => {
          let x = 0
          phase.push(setInterval(() => moveCursor((x += 7)), 1000 / job.presenceHz))
          phase.push(
            setInterval(() => {
              const shape = records.get(shapeId)
              if (shape) shape.set('x', now())
              else records.set(shapeId, recordToYMap(testShape(shapeId, { x: now() })))
            }, 1000 / job.editHz)
          )
        },
        (i * 997) % 1000
      )
    })
  }
  await new Promise((resolve) => setTimeout(resolve, durationMs))
  phase.forEach(clearInterval)
  await new Promise((resolve) => setTimeout(resolve, 1000)) // let deliveries drain
  process.stdout.write(JSON.stringify({ latencies: latencies.splice(0) }) + '\n')
}

console.log(JSON.stringify({ ready: true }))
for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { active?: number; stop?: boolean }
  if (command.active) await runActive(command.active)
  if (command.stop) break
}
timers.forEach(clearInterval)
for (const socket of sockets) socket.terminate()
process.exit(0)
