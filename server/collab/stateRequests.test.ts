/**
 * Requests for the whole state are budgeted per connection
 * (`STATE_REQUEST_LIMITS` in ClientConnection.ts), through the real server:
 * sockets, tokens, the room, the SQLite log.
 *
 * The bug: a sync step 1 with an empty state vector is 4 bytes, but the
 * server answered each with the whole doc. An observer's burst of ~590 of
 * them on a 2.2 MB board, within the frame and byte budgets, stalled the
 * process for seconds and sent each socket 7–27 MB before it was cut off.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '@/lib/collab/closeCodes'
import { startInProcessCollab, tempDataDir, type InProcessCollab } from '@/tests/support/collabServers'
import { connectProvider, eventually, synced } from '@/tests/support/providers'
import { RawPeer } from '@/tests/support/rawPeer'
import { probes } from '@/tests/support/boardProbes'
import { STATE_REQUEST_LIMITS } from './ClientConnection'

const ROOM = 'state-requests'
/** y-websocket sync step 1 with an empty state vector: "send me everything". */
const EMPTY_STEP_1 = new Uint8Array([0, 0, 1, 0])
/** y-websocket query-awareness: "send me every presence state". */
const QUERY_AWARENESS = new Uint8Array([3])

let server: InProcessCollab
let data: ReturnType<typeof tempDataDir>
const cleanups: (() => void)[] = []
/** Bytes of the board's whole state, once written. */
let docBytes = 0

/** Sync step 2 frames (the whole-doc answers) a raw socket received, and their bytes. */
function step2s(peer: RawPeer): { count: number; bytes: number } {
  const answers = peer.received.filter((frame) => frame[0] === 0 && frame[1] === 1)
  return { count: answers.length, bytes: answers.reduce((sum, frame) => sum + frame.byteLength, 0) }
}

async function observer(): Promise<RawPeer> {
  const peer = await RawPeer.open(server.url, ROOM, { user: 'user:obs', role: 'observer' })
  cleanups.push(() => peer.close())
  return peer
}

describe('whole-state requests per connection', () => {
  beforeAll(async () => {
    data = tempDataDir()
    server = await startInProcessCollab({ dataDir: data.dir })
    // A board of ~1 MB: 1,000 probe records of 1,000 characters, written by an interviewer.
    const writer = connectProvider(server.url, ROOM, { user: 'user:writer' })
    await synced(writer.provider)
    writer.doc.transact(() => {
      for (let i = 0; i < 1_000; i++) probes(writer.doc, 'bulk').set(`k${i}`, `${i}`.padEnd(1_000, 'x'))
    })
    await server.collab.rooms.flushAll()
    await eventually(() => probes(writer.doc, 'bulk').size === 1_000, 10_000, 'the bulk write')
    docBytes = Y.encodeStateAsUpdate(writer.doc).byteLength
    expect(docBytes).toBeGreaterThan(1_000_000)
    writer.destroy()
  })
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await server.close()
    data.remove()
  })

  test("a stock client's connect, sync and reconnect are answered as always", async () => {
    const client = connectProvider(server.url, ROOM, { user: 'user:reader', role: 'observer' })
    cleanups.push(client.destroy)
    const closes: number[] = []
    client.provider.on('connection-close', (event) => closes.push(event?.code ?? -1))
    await synced(client.provider)
    expect(probes(client.doc, 'bulk').size).toBe(1_000)

    // A reconnect is a new connection with its own budget: it syncs again.
    client.provider.disconnect()
    client.provider.connect()
    await eventually(() => client.provider.wsconnected && client.provider.synced, 10_000, 'the resync')
    expect(closes.every((code) => code !== CloseCode.RateLimited)).toBe(true)

    // A socket that checks twice that its frames were handled (the tests' barrier) is served too.
    const raw = await observer()
    await raw.barrier()
    await raw.barrier()
    expect(raw.isOpen).toBe(true)
    expect(step2s(raw).count).toBe(2)
  })

  test('a burst of empty sync step 1 frames is cut off with 4429 after a bounded number of whole-doc answers', async () => {
    const attackers = await Promise.all(Array.from({ length: 4 }, () => observer()))
    for (const attacker of attackers) for (let i = 0; i < 590; i++) attacker.send(EMPTY_STEP_1)
    for (const attacker of attackers) expect(await attacker.closed).toBe(CloseCode.RateLimited)

    // What the server did, counted where it arrived: at most a burst of whole-doc answers per socket
    // (the refill of one per 10 s adds nothing within the test), not 590 of them (~600 MB for 4 sockets).
    for (const attacker of attackers) {
      const { count, bytes } = step2s(attacker)
      expect(count).toBeLessThanOrEqual(STATE_REQUEST_LIMITS.burst)
      expect(bytes).toBeLessThanOrEqual(STATE_REQUEST_LIMITS.burst * (docBytes + 1024))
    }

    // The process kept serving: a new client syncs the whole board.
    const later = connectProvider(server.url, ROOM, { user: 'user:later', role: 'observer' })
    cleanups.push(later.destroy)
    await synced(later.provider)
    expect(probes(later.doc, 'bulk').size).toBe(1_000)
  })

  test('a flood of query-awareness frames is cut off the same way', async () => {
    const attacker = await observer()
    for (let i = 0; i < 100; i++) attacker.send(QUERY_AWARENESS)
    expect(await attacker.closed).toBe(CloseCode.RateLimited)
  })
})
