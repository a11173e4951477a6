/**
 * Presence is coalesced per room, documents are not (README, Architecture).
 *
 * The problem: in a busy room (50 users on 2 servers, each sending presence
 * at 20 Hz) the server relayed every cursor move as its own frame, ~1,000
 * frames a second to each user, and a document edit queued behind them: the
 * busy-room bench's p99 edit latency was 100–130 ms against a goal of 50. Now
 * a room sends its peers one merged awareness update per 50 ms tick, holding
 * each client's newest state, and document updates still go out as soon as
 * they are logged.
 *
 * A real room (seeded board, schema guard, in-memory log) with fake peers
 * that record what they are sent; the clock is faked so "one tick" is exact.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import pino from 'pino'
import * as decoding from 'lib0/decoding'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { getRecordsMap, recordToYMap } from '@/lib/binding/yRecords'
import { testShape } from '@/tests/support/boardProbes'
import { MemoryRoomStorage } from '../storage/MemoryRoomStorage'
import { MessageType, SyncType } from '../collab/messages'
import type { FramedMessage } from '../collab/framedMessage'
import { decodeAwarenessEntries, encodeAwarenessEntries, type AwarenessEntry } from './awarenessEntries'
import { PRESENCE_TICK_MS } from './PresenceTick'
import { Room } from './Room'
import type { RoomPeer } from './RoomPeer'

/** A message a peer received: a document update, or a presence message with its entries. */
type Received = { kind: 'update' } | { kind: 'awareness'; entries: AwarenessEntry[] }

/** A peer that keeps every message it is sent. */
class RecordingPeer implements RoomPeer {
  readonly canWrite = true
  readonly messages: Uint8Array[] = []
  constructor(readonly userId: string) {}
  get userName(): string {
    return this.userId
  }
  send(message: FramedMessage): void {
    this.messages.push(message.bytes)
  }
  close(): void {}
  /** What it received since the last call, as `update` or the awareness entries of each message. */
  take(): Received[] {
    return this.messages.splice(0).flatMap((bytes): Received[] => {
      const decoder = decoding.createDecoder(bytes)
      const type = decoding.readVarUint(decoder)
      if (type === MessageType.Awareness) {
        return [{ kind: 'awareness', entries: decodeAwarenessEntries(decoding.readVarUint8Array(decoder)) }]
      }
      return decoding.readVarUint(decoder) === SyncType.Update ? [{ kind: 'update' }] : []
    })
  }
}

const cursor = (x: number) => ({ u: 'ignored', p: 'page', k: [x, 0] })

function sendPresence(room: Room, peer: RoomPeer, clientId: number, clock: number, x: number | null): void {
  const update = encodeAwarenessEntries([{ clientId, clock, state: x === null ? null : cursor(x) }])
  room.handleMessage(peer, { type: 'awareness', update })
}

/** A shape move from a client in step with `room`: a real board update the guard accepts. */
function shapeMove(room: Room): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
  let update: Uint8Array | null = null
  doc.on('update', (u: Uint8Array) => (update = u))
  getRecordsMap(doc).set('shape:moved', recordToYMap(testShape('shape:moved', { x: 10 })))
  return update!
}

/** Each client's newest x in awareness entries (null: it left). */
const positions = (entries: AwarenessEntry[]) =>
  Object.fromEntries(entries.map((e) => [e.clientId, e.state === null ? null : (e.state as { k: number[] }).k[0]]))

describe('a room coalesces presence, never documents', () => {
  let room: Room
  let alice: RecordingPeer
  let bob: RecordingPeer
  let carol: RecordingPeer

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'Date'] })
    const logger = pino({ level: 'silent' })
    room = await Room.load('tick-room', { storage: new MemoryRoomStorage(), schema: createBoardSchema(), logger })
    alice = new RecordingPeer('user:alice')
    bob = new RecordingPeer('user:bob')
    carol = new RecordingPeer('user:carol') // only watches
    for (const peer of [alice, bob, carol]) room.join(peer)
    for (const peer of [alice, bob, carol]) peer.take()
  })

  afterEach(() => {
    room.destroy()
    vi.useRealTimers()
  })

  test('many presence updates within one tick reach each peer as one message with every client’s newest state, and an edit sent among them is not held back', async () => {
    // A quiet room: the first cursor goes out at once (this turn), with no tick to wait for.
    sendPresence(room, alice, 1, 1, 100)
    await vi.advanceTimersByTimeAsync(0)
    const first = [{ kind: 'awareness', entries: [expect.objectContaining({ clientId: 1, clock: 1 })] }]
    expect(carol.take()).toEqual(first)
    expect(bob.take()).toEqual(first)
    expect(alice.take()).toEqual([]) // never her own state back

    // Within the next tick: three more moves from Alice, two from Bob, an edit, and one more move from Alice.
    sendPresence(room, alice, 1, 2, 110)
    sendPresence(room, bob, 2, 1, 200)
    sendPresence(room, alice, 1, 3, 120)
    sendPresence(room, bob, 2, 2, 210)
    room.handleMessage(alice, { type: 'update', update: shapeMove(room) })
    sendPresence(room, alice, 1, 4, 130)

    // The edit is logged and sent while the presence before it still waits for the tick.
    await room.flush()
    expect(carol.take()).toEqual([{ kind: 'update' }])
    expect(bob.take()).toEqual([{ kind: 'update' }])

    // At the tick: one message each, with each client's newest clock and state.
    await vi.advanceTimersByTimeAsync(PRESENCE_TICK_MS)
    const [merged, ...more] = carol.take()
    expect(more).toEqual([])
    expect(merged).toMatchObject({ kind: 'awareness' })
    const entries = (merged as { entries: AwarenessEntry[] }).entries
    expect(positions(entries)).toEqual({ 1: 130, 2: 210 })
    expect(entries.map((e) => [e.clientId, e.clock]).sort()).toEqual([
      [1, 4],
      [2, 2],
    ])
    // The server stamped each state with its sender's user, as before.
    expect(entries.map((e) => (e.state as { u: string }).u).sort()).toEqual(['user_alice', 'user_bob'])
    // Each mover gets the other's newest state only.
    expect(alice.take().map((m) => m.kind === 'awareness' && positions(m.entries))).toEqual([{ 2: 210 }])
    expect(bob.take().map((m) => m.kind === 'awareness' && positions(m.entries))).toEqual([{ 1: 130 }])

    // Nothing changed since: the next tick sends nothing.
    await vi.advanceTimersByTimeAsync(PRESENCE_TICK_MS * 3)
    expect([...alice.take(), ...bob.take(), ...carol.take()]).toEqual([])
  })

  test('a departure within a tick reaches the others as a removal (state null) in place of the cursor it had moved', async () => {
    sendPresence(room, alice, 1, 1, 100)
    sendPresence(room, bob, 2, 1, 200)
    await vi.advanceTimersByTimeAsync(0)
    for (const peer of [alice, bob, carol]) peer.take()

    sendPresence(room, alice, 1, 2, 110)
    sendPresence(room, bob, 2, 2, 210)
    room.leave(alice) // her socket closed: her cursor must leave everyone's board
    await vi.advanceTimersByTimeAsync(PRESENCE_TICK_MS)

    const [message, ...more] = carol.take()
    expect(more).toEqual([])
    expect(positions((message as { entries: AwarenessEntry[] }).entries)).toEqual({ 1: null, 2: 210 })
    expect(bob.take().map((m) => m.kind === 'awareness' && positions(m.entries))).toEqual([{ 1: null }])
    expect(alice.take()).toEqual([]) // gone: sent nothing
    expect(room.presence.awareness.getStates().has(1)).toBe(false)

    // A peer that leaves with a state of its own still pending at a tick: nothing is sent to it, the others get its removal.
    sendPresence(room, bob, 2, 3, 220)
    room.leave(bob)
    await vi.advanceTimersByTimeAsync(PRESENCE_TICK_MS)
    expect(carol.take().map((m) => m.kind === 'awareness' && positions(m.entries))).toEqual([{ 2: null }])
    expect(bob.take()).toEqual([])
  })

  test('a send that throws does not escape the tick timer (the room logs it), and the next tick goes out', async () => {
    const broken = new RecordingPeer('user:broken')
    room.join(broken)
    broken.send = () => {
      throw new Error('socket gone wrong')
    }
    sendPresence(room, alice, 1, 1, 100)
    await vi.advanceTimersByTimeAsync(0) // would reject here if the throw escaped the timer
    carol.take()

    sendPresence(room, alice, 1, 2, 110)
    room.leave(broken)
    await vi.advanceTimersByTimeAsync(PRESENCE_TICK_MS)
    expect(carol.take().map((m) => m.kind === 'awareness' && positions(m.entries))).toEqual([{ 1: 110 }])
  })
})
