/**
 * What a room logs and relays for a peer's update ({@link acceptFromPeer}).
 * A shape move whose effect the guard predicted is relayed as it came, with
 * no second encoding, but only when every byte of it was read: Yjs ignores
 * bytes past an update's end, so a padded update must be logged and relayed
 * as the doc's own encoding of what it changed, never with its padding.
 */
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { getRecordsMap } from '@/lib/binding/yRecords'
import { roomAndClientUpdate, testShape } from '@/tests/support/boardProbes'
import { acceptFromPeer } from './captureUpdate'
import { BoardUpdateGuard } from './BoardUpdateGuard'
import type { RoomPeer } from './RoomPeer'

const schema = createBoardSchema()
const peer: RoomPeer = { userId: 'user:alice', userName: 'Alice', canWrite: true, send: () => {}, close: () => {} }

/** A room's doc holding `shape:a`, its guard, and a client's move of that shape (x to 40). */
function roomAndMove() {
  const { room, update } = roomAndClientUpdate((records) => records.get('shape:a')!.set('x', 40))
  return { doc: room, guard: new BoardUpdateGuard(room, schema), move: update }
}

test('a predicted shape move is applied and relayed as it came', () => {
  const { doc, guard, move } = roomAndMove()
  const relayed = acceptFromPeer(doc, guard, move, peer)
  expect(relayed).toBe(move)
  expect(getRecordsMap(doc).get('shape:a')!.get('x')).toBe(40)
})

test('the same move with a byte past its end is applied, and relayed without it (the doc re-encodes it)', () => {
  const { doc, guard, move } = roomAndMove()
  const relayed = acceptFromPeer(doc, guard, new Uint8Array([...move, 7]), peer)
  expect(relayed).toEqual(move)
  expect(getRecordsMap(doc).get('shape:a')!.get('x')).toBe(40)
})

test('a move refused by the guard changes nothing', () => {
  const { doc, guard } = roomAndMove()
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
  let bad: Uint8Array | null = null
  client.on('update', (u: Uint8Array) => (bad = u))
  getRecordsMap(client).get('shape:a')!.set('x', 'not a number')
  expect(() => acceptFromPeer(doc, guard, bad!, peer)).toThrow(/invalid/)
  expect(getRecordsMap(doc).get('shape:a')!.toJSON()).toEqual(testShape('shape:a'))
})
