/**
 * The board guard's shadow copy, on plain Yjs docs (no server).
 *
 * The bug: the guard made its shadow (a second copy of the board, to try
 * each update on before the real doc takes it) on a room's first write and
 * kept it until the room unloaded. Every open room that had been written to
 * held its board twice: the memory bench's idle rooms grew from 101 to 185 KB
 * of JS heap each (128 → ~215 KB RSS; the goal is < 150 KB). The shadow is
 * now dropped once the room has had no update for a while, and rebuilt from
 * the real doc on the next one, which must still be checked as strictly.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { TLDOCUMENT_ID } from '@tldraw/tlschema'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { getRecordsMap, recordToYMap } from '@/lib/binding/yRecords'
import { drawTestShape, testShape } from '@/tests/support/boardProbes'
import { applyAndCapture } from './captureUpdate'
import { BoardUpdateGuard } from './BoardUpdateGuard'
import { UpdateRejectedError } from './errors'
import { SHADOW_MIN_IDLE_MS } from './ShadowDoc'

const schema = createBoardSchema()

/** A room's doc (seeded) with its guard, and a client in step with it. */
function room() {
  const doc = new Y.Doc()
  seedBoardDoc(doc, schema)
  const guard = new BoardUpdateGuard(doc, schema)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
  const sender = {}
  /** The update `change` makes on the client, admitted by the guard; what the room applied. */
  const send = (change: (client: Y.Doc) => void) => {
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array) => (update = u)
    client.on('update', capture)
    client.transact(() => change(client))
    client.off('update', capture)
    return guard.admit(update!, 'user:alice', sender, (checked) => applyAndCapture(doc, checked, sender))
  }
  return { doc, guard, client, send }
}

describe('BoardUpdateGuard: the shadow exists only while the room is written to', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  test('an idle room drops its shadow; a burst of writes keeps one', () => {
    const { guard, send } = room()
    expect(guard.holdsShadow).toBe(false) // read-only so far: no copy
    send((c) => drawTestShape(c, 'shape:a'))
    expect(guard.holdsShadow).toBe(true)
    // Writes that need it, closer together than the idle limit, keep the copy (no rebuild per update).
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(SHADOW_MIN_IDLE_MS / 2)
      send((c) => drawTestShape(c, `shape:b${i}`))
      expect(guard.holdsShadow).toBe(true)
    }
    vi.advanceTimersByTime(SHADOW_MIN_IDLE_MS)
    expect(guard.holdsShadow).toBe(false)
    guard.destroy()
  })

  test('after an idle spell the rebuilt shadow holds what the room changed meanwhile, and still refuses', () => {
    const { doc, guard, client, send } = room()
    send((c) => drawTestShape(c, 'shape:a'))
    vi.advanceTimersByTime(SHADOW_MIN_IDLE_MS * 2)
    expect(guard.holdsShadow).toBe(false)

    // The room changes on its own authority while no shadow exists (another server, a restore).
    const server = new Y.Doc()
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc))
    server.on('update', (u: Uint8Array) => {
      Y.applyUpdate(doc, u)
      Y.applyUpdate(client, u)
    })
    getRecordsMap(server).set('shape:b', recordToYMap(testShape('shape:b')))

    // An edit building on that change is accepted (the shadow is rebuilt from the current doc)…
    expect(send((c) => getRecordsMap(c).get('shape:b')!.set('x', 50))).not.toBeNull()
    expect(getRecordsMap(doc).get('shape:b')!.get('x')).toBe(50)
    vi.advanceTimersByTime(SHADOW_MIN_IDLE_MS * 2)

    // …and the checks are as strict as ever on a rebuilt shadow.
    expect(() => send((c) => getRecordsMap(c).get('shape:b')!.set('rotation', null))).toThrow(UpdateRejectedError)
    expect(() => send((c) => getRecordsMap(c).delete(TLDOCUMENT_ID))).toThrow(/document record/)
    expect(getRecordsMap(doc).get('shape:b')!.get('rotation')).toBe(0)
    expect(getRecordsMap(doc).has(TLDOCUMENT_ID)).toBe(true)
    guard.destroy()
  })

  test('moving shapes needs no shadow at all (field sets are checked without one)', () => {
    const { doc, guard, send } = room()
    send((c) => drawTestShape(c, 'shape:a'))
    vi.advanceTimersByTime(SHADOW_MIN_IDLE_MS * 2)
    for (let i = 0; i < 5; i++) send((c) => getRecordsMap(c).get('shape:a')!.set('x', i))
    expect(guard.holdsShadow).toBe(false)
    expect(getRecordsMap(doc).get('shape:a')!.get('x')).toBe(4)
    expect(() => send((c) => getRecordsMap(c).get('shape:a')!.set('x', 'left'))).toThrow(/is invalid/)
    expect(getRecordsMap(doc).get('shape:a')!.get('x')).toBe(4)
    guard.destroy()
  })

  test('destroy stops the idle timer and frees the shadow', () => {
    const { guard, send } = room()
    send((c) => drawTestShape(c, 'shape:a'))
    guard.destroy()
    expect(guard.holdsShadow).toBe(false)
    expect(vi.getTimerCount()).toBe(0)
  })
})
