/**
 * The per-room log quota's decision, on plain Yjs docs (no server).
 *
 * Bugs it would catch: a full board refusing a reconnecting writer's sync
 * step 2 (which resends what the server has) or a deletion (then a full
 * board could not even be tidied), a board accepting new content past its
 * limit, appends from other servers not counted, and garbage crashing the
 * check instead of reaching the update's own rejection.
 */
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { LogFullError } from './errors'
import { LogQuota } from './LogQuota'

/** A server doc holding `key` = 1,000 bytes, and the update that made it. */
function board() {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  doc.getMap('m').set('key', 'x'.repeat(1_000))
  return { doc, update: updates[0]! }
}

/** An update from another client that adds `bytes` of new content. */
function newContent(bytes: number): Uint8Array {
  const other = new Y.Doc()
  other.getMap('m').set(`k${Math.random()}`, 'y'.repeat(bytes))
  return Y.encodeStateAsUpdate(other)
}

describe('LogQuota', () => {
  test('new content passes while it fits and is refused once it would not', () => {
    const { doc } = board()
    const quota = new LogQuota(10_000, 8_000)
    expect(() => quota.admit(newContent(1_500), doc)).not.toThrow()
    quota.add(1_900)
    expect(() => quota.admit(newContent(500), doc)).toThrow(LogFullError)
    expect(() => quota.admit(newContent(500), doc)).toThrow(/this board is full/)
  })

  test('every append counts, ours or from another server', () => {
    const { doc } = board()
    const quota = new LogQuota(10_000, 0)
    for (let i = 0; i < 9; i++) quota.add(1_000)
    expect(quota.logBytes).toBe(9_000)
    expect(() => quota.admit(newContent(2_000), doc)).toThrow(LogFullError)
  })

  test('a full board still takes a resend of what it has (a reconnect) and a deletion', () => {
    const { doc, update } = board()
    const quota = new LogQuota(10_000, 10_000)
    // A client in sync sends its whole state as sync step 2 on every reconnect.
    expect(() => quota.admit(update, doc)).not.toThrow()
    expect(() => quota.admit(Y.encodeStateAsUpdate(doc), doc)).not.toThrow()
    const copy = new Y.Doc()
    Y.applyUpdate(copy, update)
    const deletions: Uint8Array[] = []
    copy.on('update', (u: Uint8Array) => deletions.push(u))
    copy.getMap('m').delete('key')
    expect(() => quota.admit(deletions[0]!, doc)).not.toThrow()
    expect(() => quota.admit(newContent(10), doc)).toThrow(LogFullError)
  })

  test('garbage is left to the update check, not thrown here', () => {
    const { doc } = board()
    const quota = new LogQuota(10, 10)
    expect(() => quota.admit(new Uint8Array([255, 255, 255, 255, 1, 2, 3]), doc)).not.toThrow()
  })
})
