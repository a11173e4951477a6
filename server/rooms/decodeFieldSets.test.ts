/**
 * The server's fast decoder for field sets ({@link decodeFieldSets}) feeds
 * the guard's prediction, so it must read exactly what Yjs reads (its
 * racing-clients check is in predictFieldSets.test.ts), and decline what it
 * cannot read whole: other kinds of structs, and updates with bytes missing
 * or left over (Yjs ignores trailing bytes; a padded update must not look like
 * a plain field set).
 */
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { recordToYMap } from '@/lib/binding/yRecords'
import { roomAndClientUpdate, testShape } from '@/tests/support/boardProbes'
import { decodeFieldSets, decodeUpdate } from './decodeFieldSets'

/** The update a client of a board holding `shape:a` makes with `change`. */
const clientUpdate = (change: Parameters<typeof roomAndClientUpdate>[0]) => roomAndClientUpdate(change).update

const move = clientUpdate((records) => {
  records.get('shape:a')!.set('x', 40)
  records.get('shape:a')!.set('y', { nested: ['values', 1, null, true] })
})

test('a shape move decodes to exactly what Y.decodeUpdate gives: items, origins, values, deletions', () => {
  const decoded = decodeFieldSets(move)
  expect(decoded).not.toBeNull()
  expect(decoded).toEqual(Y.decodeUpdate(move))
  expect(decoded!.ds.clients.size).toBe(1) // the replaced values
  expect(decodeUpdate(move)).toEqual(Y.decodeUpdate(move))
})

test('other structs (a new record) are left to Yjs, which decodes them as before', () => {
  const created = clientUpdate((records) => records.set('shape:b', recordToYMap(testShape('shape:b'))))
  expect(decodeFieldSets(created)).toBeNull()
  expect(decodeUpdate(created)).toEqual(Y.decodeUpdate(created))
})

test('an update with bytes missing or left over is declined, and garbage still throws', () => {
  expect(decodeFieldSets(new Uint8Array([...move, 0]))).toBeNull()
  expect(decodeFieldSets(move.subarray(0, move.byteLength - 1))).toBeNull()
  expect(decodeFieldSets(new Uint8Array([200, 200, 200]))).toBeNull()
  expect(() => decodeUpdate(new Uint8Array([200, 200, 200]))).toThrow()
})
