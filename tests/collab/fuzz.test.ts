/**
 * Hostile input, counted on the server's side. Each hostile frame gets its own
 * socket and is followed on it by a probe (a valid update). The server has
 * handled the frame when it either closes the socket with the close code that
 * kind of frame earns, or applies the probe. A frame the server ignored is
 * caught: neither happens. The server's own rejection counter must match the
 * closes the clients saw.
 *
 * Bugs it would catch: a connection that stops reading after its first frame
 * (the probes never arrive; floods are never cut off), a rejection without
 * its close code, a frame applied after the rejection, garbage in a log, or
 * hostile traffic slowing a quiet pair's editing to a halt.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import type WebSocket from 'ws'
import { CloseCode } from '@/lib/collab/closeCodes'
import { connectionsRejected } from '@/server/ops/metrics'
import { COLLAB_MODES, startCluster, type CollabCluster } from '../support/collabModes'
import { connectProvider, eventually, synced } from '../support/providers'
import { closeCode, openRawSocket } from '../support/rawClient'
import { auditLog } from '../support/logAudit'
import { probes, type ProbeMap } from '../support/boardProbes'

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part)
    else encoding.writeVarUint8Array(encoder, part)
  }
  return encoding.toUint8Array(encoder)
}

/** What the server may do with a frame: close with one of these codes, or (`survives`) keep serving. */
interface Hostile {
  kind: string
  data: Uint8Array | string
  codes: number[]
  survives: boolean
}

const MAX_FRAME_BYTES = 32 * 1024
const HOSTILE_FRAMES = 1_400
const FLOODS = 4
/** Frames per flood: well past the default burst of 600. */
const FLOOD_FRAMES = 1_000
/** Sockets in flight at once. */
const LANES = 16

/**
 * Hostile frames of every kind the server must survive, with the outcome each
 * kind allows, and a few legal but odd ones it must serve on after.
 */
function hostileFrames(rand: () => number, count: number): Hostile[] {
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256))
  const valid = new Y.Doc()
  probes(valid, 'm').set('k', 'v')
  const validUpdate = Y.encodeStateAsUpdate(valid)
  const malformed = [CloseCode.MalformedMessage]
  // Random bytes may happen to decode (or apply): then the server must keep serving.
  const anyOutcome = { codes: [CloseCode.MalformedMessage, CloseCode.UpdateRejected], survives: true }
  const exactly = (code: number) => ({ codes: [code], survives: false })
  const kinds: (() => Hostile)[] = [
    () => ({ kind: 'noise', data: bytes(1 + Math.floor(rand() * 64)), ...anyOutcome }),
    () => ({ kind: 'garbage update', data: frame(0, 2, bytes(1 + Math.floor(rand() * 40))), ...anyOutcome }),
    () => ({ kind: 'garbage step 2', data: frame(0, 1, bytes(8)), ...anyOutcome }),
    () => ({ kind: 'garbage state vector', data: frame(0, 0, bytes(6)), ...anyOutcome }),
    () => ({
      kind: 'truncated update',
      data: frame(0, 2, validUpdate).subarray(0, 3 + Math.floor(rand() * (validUpdate.length - 2))),
      ...anyOutcome,
    }),
    () => ({ kind: 'awareness garbage', data: frame(1, bytes(12)), ...anyOutcome }),
    () => ({
      kind: 'unknown message type',
      data: frame(Math.floor(4 + rand() * 120)),
      codes: malformed,
      survives: false,
    }),
    () => ({ kind: 'unknown sync type', data: frame(0, 9, bytes(3)), ...exactly(CloseCode.MalformedMessage) }),
    () => ({
      kind: 'oversized',
      data: new Uint8Array(MAX_FRAME_BYTES + 1 + Math.floor(rand() * 1024)),
      ...exactly(CloseCode.MessageTooBig),
    }),
    () => ({ kind: 'text', data: 'text frames are not the protocol', ...exactly(CloseCode.MalformedMessage) }),
    // Legal but odd: the server must serve on, so its handling of the next frame shows.
    () => ({ kind: 'empty update', data: frame(0, 2, Y.encodeStateAsUpdate(new Y.Doc())), codes: [], survives: true }),
    () => ({ kind: 'empty state vector', data: frame(0, 0, new Uint8Array([0])), codes: [], survives: true }),
  ]
  return Array.from({ length: count }, () => kinds[Math.floor(rand() * kinds.length)]!())
}

/** A valid update from a fresh client setting `probe[key]`. */
function probeFrame(key: string): Uint8Array {
  const doc = new Y.Doc()
  probes(doc, 'probe').set(key, true)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return frame(0, 2, update)
}

/** Resolves when `key` is in `map` (an event, not a poll). */
function whenKey(map: ProbeMap, key: string): Promise<void> {
  if (map.has(key)) return Promise.resolve()
  return new Promise((resolve) => {
    const observer = () => {
      if (!map.has(key)) return
      map.unobserve(observer)
      resolve()
    }
    map.observe(observer)
  })
}

/** The server's rejection counter, by close code. */
async function rejectionsByCode(): Promise<Map<string, number>> {
  const { values } = await connectionsRejected.get()
  return new Map(values.map((v) => [String(v.labels.code), v.value]))
}

/** Runs `task` over `items` with at most `lanes` in flight. */
async function inLanes<T>(items: T[], lanes: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) {
        const index = next++
        await task(items[index]!, index)
      }
    })
  )
}

let cluster: CollabCluster
const cleanups: (() => void)[] = []

describe.each(COLLAB_MODES)('fuzz (%s)', (mode) => {
  beforeEach(async () => {
    cluster = await startCluster(mode, { maxFrameBytes: MAX_FRAME_BYTES })
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await cluster.close()
  })

  test('over 1,000 malformed, oversized, truncated and flooding frames, each handled by the server; a pair keeps editing; no garbage is logged', async () => {
    const rand = random(mode === 'embedded' ? 1 : 2)
    const alice = connectProvider(cluster.writerUrl, 'fuzz-quiet-room', { user: 'user:alice' })
    const bob = connectProvider(cluster.readerUrl, 'fuzz-quiet-room', { user: 'user:bob' })
    // Watches the noisy room: every probe the server applied shows up here.
    const watcher = connectProvider(cluster.readerUrl, 'fuzz-noisy-room', { user: 'user:watcher', role: 'observer' })
    cleanups.push(alice.destroy, bob.destroy, watcher.destroy)
    await Promise.all([synced(alice.provider), synced(bob.provider), synced(watcher.provider)])
    const probeMap = probes(watcher.doc, 'probe')
    const before = await rejectionsByCode()
    let edits = 0
    const editing = setInterval(() => probes(alice.doc, 'edits').set(`e${edits++}`, edits), 10)

    const frames = hostileFrames(rand, HOSTILE_FRAMES)
    const closes = new Map<number, number>()
    const survivors = new Set<string>()
    const rejected = new Set<string>()
    const unhandled: string[] = []
    await inLanes(frames, LANES, async (hostile, i) => {
      const key = `p${i}`
      const socket: WebSocket = await openRawSocket(i % 2 ? cluster.readerUrl : cluster.writerUrl, 'fuzz-noisy-room')
      socket.on('error', () => undefined)
      const closed = closeCode(socket)
      socket.send(hostile.data)
      socket.send(probeFrame(key))
      const outcome = await Promise.race([closed, whenKey(probeMap, key).then(() => 'probe applied' as const)])
      if (outcome === 'probe applied') {
        if (!hostile.survives) unhandled.push(`#${i} ${hostile.kind}: served on instead of closing`)
        survivors.add(key)
      } else if (hostile.codes.includes(outcome)) {
        closes.set(outcome, (closes.get(outcome) ?? 0) + 1)
        rejected.add(key)
      } else {
        unhandled.push(
          `#${i} ${hostile.kind}: ${outcome === -1 ? 'neither closed nor probe applied' : `closed ${outcome}`}`
        )
      }
      socket.terminate()
    })
    // Floods: far past the frame budget; the server must count them and cut each off.
    await inLanes(Array.from({ length: FLOODS }), FLOODS, async (_, i) => {
      const socket = await openRawSocket(i % 2 ? cluster.readerUrl : cluster.writerUrl, 'fuzz-noisy-room')
      socket.on('error', () => undefined)
      const closed = closeCode(socket)
      for (let j = 0; j < FLOOD_FRAMES; j++) socket.send(new Uint8Array([3]))
      const code = await closed
      if (code === CloseCode.RateLimited) closes.set(code, (closes.get(code) ?? 0) + 1)
      else unhandled.push(`flood ${i}: closed ${code}`)
      socket.terminate()
    })
    clearInterval(editing)

    // Every hostile frame was handled by the server: rejected with its code, or served on.
    expect(unhandled).toEqual([])
    expect(rejected.size + survivors.size).toBe(HOSTILE_FRAMES)
    expect(rejected.size).toBeGreaterThan(1_000)
    expect(survivors.size).toBeGreaterThan(0)
    console.log(
      `fuzz (${mode}): ${HOSTILE_FRAMES} hostile frames, ${rejected.size} rejected, ${survivors.size} served on; ` +
        `${FLOODS} floods of ${FLOOD_FRAMES} cut off; closes ${JSON.stringify([...closes])}`
    )
    // The server's counter agrees with what the clients saw (1009 is sent by `ws`, before our code).
    const after = await rejectionsByCode()
    for (const code of [CloseCode.MalformedMessage, CloseCode.UpdateRejected, CloseCode.RateLimited]) {
      const counted = (after.get(String(code)) ?? 0) - (before.get(String(code)) ?? 0)
      expect(counted, `server's count of ${code} closes`).toBe(closes.get(code) ?? 0)
    }
    expect(closes.get(CloseCode.RateLimited)).toBe(FLOODS)

    // The process kept serving: the pair's edits all arrived…
    await eventually(() => probes(bob.doc, 'edits').size === edits, 10_000, 'all edits to arrive')
    // …and nothing malformed entered any log.
    for (const room of ['fuzz-noisy-room', 'fuzz-quiet-room']) {
      const { duplicates, doc } = auditLog(await cluster.servers[0]!.storage.readLog(room))
      expect(duplicates).toEqual([])
      if (room === 'fuzz-noisy-room') {
        expect(probes(doc, 'm').size).toBe(0)
        // A rejected connection's probe, sent after its hostile frame, was never applied.
        expect(new Set(probes(doc, 'probe').keys())).toEqual(survivors)
      }
    }
    const late = connectProvider(cluster.writerUrl, 'fuzz-quiet-room', { user: 'user:late' })
    cleanups.push(late.destroy)
    await synced(late.provider)
    expect(probes(late.doc, 'edits').size).toBe(edits)
  }, 120_000)
})
