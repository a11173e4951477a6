import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import type WebSocket from 'ws'
import { COLLAB_MODES, startCluster, type CollabCluster } from '../support/collabModes'
import { connectProvider, eventually, synced } from '../support/providers'
import { openRawSocket } from '../support/rawClient'
import { auditLog } from '../support/logAudit'

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

/** Hostile frames of every kind the server must survive. */
function hostileFrames(rand: () => number, maxFrameBytes: number): (Uint8Array | string)[] {
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256))
  const valid = new Y.Doc()
  valid.getMap('m').set('k', 'v')
  const validUpdate = Y.encodeStateAsUpdate(valid)
  const kinds = [
    () => bytes(1 + Math.floor(rand() * 64)), // noise
    () => frame(0, 2, bytes(1 + Math.floor(rand() * 40))), // sync update with a garbage update
    () => frame(0, 1, bytes(8)), // sync step 2, garbage
    () => frame(0, 0, bytes(6)), // sync step 1 with a garbage state vector
    () => frame(0, 2, validUpdate).subarray(0, 3 + Math.floor(rand() * (validUpdate.length - 2))), // truncated
    () => frame(1, bytes(12)), // awareness garbage
    () => frame(Math.floor(4 + rand() * 120)), // unknown message type
    () => frame(0, 9, bytes(3)), // unknown sync type
    () => new Uint8Array(maxFrameBytes + 1 + Math.floor(rand() * 1024)), // oversized
    () => 'text frames are not the protocol', // text
  ]
  return Array.from({ length: 60 }, () => kinds[Math.floor(rand() * kinds.length)]!())
}

let cluster: CollabCluster
const cleanups: (() => void)[] = []

describe.each(COLLAB_MODES)('fuzz (%s)', (mode) => {
  beforeEach(async () => {
    cluster = await startCluster(mode, { maxFrameBytes: 32 * 1024 })
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await cluster.close()
  })

  test('thousands of malformed, oversized, truncated and flooding frames; a pair keeps editing; no garbage is logged', async () => {
    const rand = random(mode === 'embedded' ? 1 : 2)
    const alice = connectProvider(cluster.writerUrl, 'fuzz-quiet-room', { user: 'user:alice' })
    const bob = connectProvider(cluster.readerUrl, 'fuzz-quiet-room', { user: 'user:bob' })
    cleanups.push(alice.destroy, bob.destroy)
    await Promise.all([synced(alice.provider), synced(bob.provider)])
    let edits = 0
    const editing = setInterval(() => alice.doc.getMap('edits').set(`e${edits++}`, edits), 10)

    let tried = 0
    const connections = 24
    await Promise.all(
      Array.from({ length: connections }, async (_, i) => {
        const socket: WebSocket = await openRawSocket(i % 2 ? cluster.readerUrl : cluster.writerUrl, 'fuzz-noisy-room')
        socket.on('error', () => undefined)
        for (const f of hostileFrames(rand, 32 * 1024)) {
          if (socket.readyState !== socket.OPEN) break
          socket.send(f)
          tried++
        }
        // Flooding: far past the frame budget.
        for (let j = 0; j < 700 && socket.readyState === socket.OPEN; j++) {
          socket.send(new Uint8Array([3]))
          tried++
        }
        socket.terminate()
      })
    )
    clearInterval(editing)
    console.log(`fuzz (${mode}): ${tried} hostile frames sent from ${connections} connections`)
    expect(tried).toBeGreaterThanOrEqual(1_000)

    // The process kept serving: the pair's edits all arrived…
    await eventually(() => bob.doc.getMap('edits').size === edits, 10_000, 'all edits to arrive')
    // …and nothing malformed entered any log.
    for (const room of ['fuzz-noisy-room', 'fuzz-quiet-room']) {
      const { duplicates, doc } = auditLog(await cluster.servers[0]!.storage.readLog(room))
      expect(duplicates).toEqual([])
      if (room === 'fuzz-noisy-room') expect(doc.getMap('m').size).toBe(0)
    }
    const late = connectProvider(cluster.writerUrl, 'fuzz-quiet-room', { user: 'user:late' })
    cleanups.push(late.destroy)
    await synced(late.provider)
    expect(late.doc.getMap('edits').size).toBe(edits)
  })
})
