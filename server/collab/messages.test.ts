import { describe, expect, test } from 'vitest'
import { decodeClientMessage, encodeSyncMessage, MalformedMessageError, SyncType } from './messages'

describe('decodeClientMessage', () => {
  test('reads the three sync sub-types, awareness and query-awareness', () => {
    const payload = new Uint8Array([1, 2, 3])
    expect(decodeClientMessage(encodeSyncMessage(SyncType.Step1, payload))).toEqual({
      type: 'sync-step-1',
      stateVector: payload,
    })
    expect(decodeClientMessage(encodeSyncMessage(SyncType.Step2, payload))).toEqual({
      type: 'sync-step-2',
      update: payload,
    })
    expect(decodeClientMessage(encodeSyncMessage(SyncType.Update, payload))).toEqual({
      type: 'update',
      update: payload,
    })
    expect(decodeClientMessage(new Uint8Array([1, 1, 9]))).toEqual({ type: 'awareness', update: new Uint8Array([9]) })
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ type: 'query-awareness' })
  })

  test.each([
    ['empty', []],
    ['unknown type', [9]],
    ['auth (not used by y-websocket clients)', [2, 0]],
    ['unknown sync sub-type', [0, 7, 0]],
    ['length past the end', [0, 2, 10, 1]],
    ['trailing bytes', [3, 3]],
  ])('refuses %s', (_name, bytes) => {
    expect(() => decodeClientMessage(new Uint8Array(bytes))).toThrow(MalformedMessageError)
  })
})
