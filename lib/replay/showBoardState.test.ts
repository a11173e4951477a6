import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createTLStore, type TLRecord, type TLStore } from 'tldraw'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { StoreYjsBinding } from '@/lib/binding/StoreYjsBinding'
import { seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { getMetaMap, getRecordsMap, recordToYMap, SCHEMA_FIELD } from '@/lib/binding/yRecords'
import { buildSession } from '@/tests/bench/replaySession'
import { testShape } from '@/tests/support/boardProbes'
import { ReplayTimeline, type TimelineEntry } from './ReplayTimeline'
import { showBoardState, type ShownRecords } from './showBoardState'

const newStore = () => createTLStore({ schema: createBoardSchema() })

/** The store's document records (what the board draws), by id. */
function documentRecords(store: TLStore): Record<string, TLRecord> {
  const records = store.allRecords().filter((r) => store.scopedTypes.document.has(r.typeName))
  return Object.fromEntries(records.map((r) => [r.id, r]))
}

/** What the live board's binding puts in a fresh store for a doc: the replay before record keyframes showed this. */
function boundRecords(doc: Y.Doc): Record<string, TLRecord> {
  const store = newStore()
  const binding = new StoreYjsBinding(store, doc)
  binding.attach()
  binding.dispose()
  return documentRecords(store)
}

/** The log of a doc from now on: each transaction one entry, one second apart. */
function recordLog(doc: Y.Doc): TimelineEntry[] {
  const entries: TimelineEntry[] = []
  doc.on('update', (update: Uint8Array) =>
    entries.push({ seq: entries.length + 1, time: 1000 * (entries.length + 1), update })
  )
  return entries
}

describe('showBoardState (the replay canvas)', () => {
  it('one store shows, at every moment visited in any order, what the binding shows for a plain Yjs replay then', () => {
    const { entries } = buildSession(1_200)
    const timeline = new ReplayTimeline(100)
    timeline.append(entries)
    timeline.release()
    // Moments in a fixed shuffled order, with short steps forward as playing makes.
    const moments = [1, 1_200, 37, 600, 601, 605, 640, 99, 100, 101, 1_199, 2, 350, 900, 899, 450, 1_000, 3, 777]
    const expected = new Map<number, Record<string, TLRecord>>()
    const doc = new Y.Doc()
    ;[...moments]
      .sort((a, b) => a - b)
      .forEach((moment, i, sorted) => {
        for (let n = i ? sorted[i - 1]! : 0; n < moment; n++) Y.applyUpdate(doc, entries[n]!.update)
        expected.set(moment, boundRecords(doc))
      })
    const store = newStore()
    let shown: ShownRecords | null = null
    for (const moment of moments) {
      shown = showBoardState(store, timeline.seekCount(moment), shown)
      expect(documentRecords(store), `after ${moment} entries`).toEqual(expected.get(moment))
    }
  })

  it('migrates a board written with an older schema as the binding does, and shows no shape before the seed', () => {
    const doc = new Y.Doc()
    const entries = recordLog(doc)
    doc.transact(() => getRecordsMap(doc).set('shape:early', recordToYMap(testShape('shape:early'))))
    seedBoardDoc(doc, createBoardSchema())
    const older = structuredClone(getMetaMap(doc).get(SCHEMA_FIELD)) as { sequences: Record<string, number> }
    older.sequences['com.tldraw.shape.frame'] = older.sequences['com.tldraw.shape.frame']! - 1
    getMetaMap(doc).set(SCHEMA_FIELD, older)
    // A frame as that older schema wrote it: before frames had a colour.
    const frame = testShape('shape:a', { name: 'A' }) as TLRecord & { props: { color?: string } }
    const old = { ...frame, props: { ...frame.props, color: undefined } } as TLRecord
    doc.transact(() => getRecordsMap(doc).set('shape:a', recordToYMap(old)))
    const timeline = new ReplayTimeline(2)
    timeline.append(entries)
    const store = newStore()
    const shown = showBoardState(store, timeline.seekCount(entries.length), null)
    expect(documentRecords(store)).toEqual(boundRecords(doc))
    expect(store.get('shape:a' as never)).toBeDefined()
    showBoardState(store, timeline.seekCount(1), shown)
    // Not seeded yet: no shape (the store itself keeps a document and a page whatever it is given).
    expect(Object.keys(documentRecords(store)).filter((id) => id.startsWith('shape:'))).toEqual([])
  })

  it('leaves out a record the schema rejects and shows the rest', () => {
    const doc = new Y.Doc()
    const entries = recordLog(doc)
    seedBoardDoc(doc, createBoardSchema())
    doc.transact(() => {
      getRecordsMap(doc).set('shape:good', recordToYMap(testShape('shape:good')))
      getRecordsMap(doc).set('shape:bad', recordToYMap({ ...testShape('shape:bad'), x: 'left' } as never))
    })
    const timeline = new ReplayTimeline()
    timeline.append(entries)
    const store = newStore()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    showBoardState(store, timeline.seekCount(entries.length), null)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('invalid record'), 'shape:bad', expect.anything())
    warn.mockRestore()
    expect(store.get('shape:good' as never)).toBeDefined()
    expect(store.get('shape:bad' as never)).toBeUndefined()
    expect(store.get('page:page' as never)).toBeDefined()
  })
})
