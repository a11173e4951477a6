// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  createShapeId,
  createTLStore,
  PageRecordType,
  type Editor,
  type TLRecord,
  type TLShapeId,
  type TLStore,
} from 'tldraw'
import { createBoardSchema } from '../board/boardSchema'
import { createTestEditor } from '@/tests/support/testEditor'
import { seedBoardDoc } from './seedBoardDoc'
import { StoreYjsBinding } from './StoreYjsBinding'
import { loadBeforeWholePageActions } from './loadBeforeWholePageActions'
import { getRecordsMap, yMapToRecord } from './yRecords'

const RELAY = Symbol('relay')
const VIEW = { x: 0, y: 0, w: 1000, h: 800 }

interface Client {
  store: TLStore
  editor: Editor
  binding: StoreYjsBinding
}

const ids = {
  mover: createShapeId('mover'),
  near: createShapeId('near'),
  link: createShapeId('link'),
  far1: createShapeId('far1'),
  frame: createShapeId('frame'),
  inner: createShapeId('inner'),
  farA: createShapeId('farA'),
  farB: createShapeId('farB'),
  farArrow: createShapeId('farArrow'),
  p2box: createShapeId('p2box'),
}
const PAGE_2 = PageRecordType.createId('second')
const fill = (i: number) => createShapeId(`fill${i}`)
/** More than a first chunk (100 shapes), so the load is still partial after one. */
const FAR_BOXES = 160

/** Two docs that exchange every update at once, like two browsers through the server. */
function linkedDocs(): [Y.Doc, Y.Doc] {
  const docs: [Y.Doc, Y.Doc] = [new Y.Doc(), new Y.Doc()]
  seedBoardDoc(docs[0], createBoardSchema())
  Y.applyUpdate(docs[1], Y.encodeStateAsUpdate(docs[0]))
  for (const [from, to] of [docs, [docs[1], docs[0]]] as const) {
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== RELAY) Y.applyUpdate(to, update, RELAY)
    })
  }
  return docs
}

const clients: Client[] = []
function client(doc: Y.Doc, options: ConstructorParameters<typeof StoreYjsBinding>[2] = {}): Client {
  const store = createTLStore({ schema: createBoardSchema() })
  const binding = new StoreYjsBinding(store, doc, options)
  binding.attach()
  const created = { store, binding, editor: createTestEditor(store) }
  clients.push(created)
  return created
}
afterEach(() => {
  for (const { binding, editor } of clients.splice(0)) {
    binding.dispose()
    editor.dispose()
  }
})

/** tldraw delivers store changes once a frame; deliver them now (no waiting). */
const flush = (...of: Client[]) => of.forEach((c) => c.store._flushHistory())

function arrowBetween(editor: Editor, arrow: TLShapeId, x: number, y: number, from: TLShapeId, to: TLShapeId) {
  editor.createShape({ id: arrow, type: 'arrow', x, y, props: { end: { x: 100, y: 0 } } })
  const props = { normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' as const }
  editor.createBindings([
    { type: 'arrow', fromId: arrow, toId: from, props: { ...props, terminal: 'start' } },
    { type: 'arrow', fromId: arrow, toId: to, props: { ...props, terminal: 'end' } },
  ])
}

/**
 * A board written by `author`: two shapes in view (one bound by an arrow far
 * out of view to a far shape), a far frame with a child, a far bound arrow,
 * FAR_BOXES far boxes (more than one chunk holds), and a second page with a box.
 */
function drawBoard(author: Editor) {
  const geo = (id: TLShapeId, x: number, y: number, parentId?: TLShapeId) =>
    author.createShape({ id, type: 'geo', x, y, ...(parentId && { parentId }), props: { w: 100, h: 80 } })
  geo(ids.mover, 100, 100)
  geo(ids.near, 400, 100)
  geo(ids.far1, 9_000, 100)
  arrowBetween(author, ids.link, 6_000, 100, ids.near, ids.far1)
  author.createShape({ id: ids.frame, type: 'frame', x: 8_000, y: 4_000, props: { w: 400, h: 300 } })
  geo(ids.inner, 20, 20, ids.frame)
  geo(ids.farA, 3_000, 5_000)
  geo(ids.farB, 3_500, 5_000)
  arrowBetween(author, ids.farArrow, 3_200, 5_000, ids.farA, ids.farB)
  for (let i = 0; i < FAR_BOXES; i++) geo(fill(i), 3_000 + (i % 40) * 150, 2_000 + Math.floor(i / 40) * 150)
  author.createPage({ id: PAGE_2, name: 'Deep dive' })
  author.createShape({ id: ids.p2box, type: 'geo', parentId: PAGE_2, x: 0, y: 0 })
}

/** A stand-in for `watchUserInput` that counts watchers started and still live. */
function inputWatcher() {
  const counts = { started: 0, live: 0 }
  const watchInput = () => {
    counts.started++
    counts.live++
    return { busy: () => false, present: () => false, dispose: () => void counts.live-- }
  }
  return Object.assign(counts, { option: { watchInput } })
}

/** A scheduler the test runs by hand: each call is one chunk. */
function manualScheduler() {
  const tasks: (() => void)[] = []
  return {
    schedule: (task: () => void) => {
      tasks.push(task)
      return () => tasks.splice(tasks.indexOf(task), 1)
    },
    runOne: () => tasks.shift()?.(),
    runAll: () => {
      while (tasks.length) tasks.shift()!()
    },
  }
}

const boardRecords = (records: Iterable<TLRecord>) =>
  [...records].filter((r) => r.typeName !== 'user').sort((a, b) => a.id.localeCompare(b.id))
const storeRecords = (store: TLStore) =>
  boardRecords(store.allRecords().filter((r) => store.scopedTypes.document.has(r.typeName)))
const docRecords = (doc: Y.Doc) => boardRecords([...getRecordsMap(doc).values()].map(yMapToRecord))

/** Every binding's shapes and every shape's parent exist: nothing dangles. */
function expectNothingDangles(records: TLRecord[]) {
  const present = new Set(records.map((r) => r.id))
  for (const r of records) {
    if (r.typeName === 'binding') expect([present.has(r.fromId), present.has(r.toId)], r.id).toEqual([true, true])
    if (r.typeName === 'shape') expect(present.has(r.parentId), r.id).toBe(true)
  }
}

/** Two linked docs, and client B, who has drawn the board in one of them. */
function boardDrawnByB() {
  const [docA, docB] = linkedDocs()
  const b = client(docB)
  drawBoard(b.editor)
  flush(b)
  return { docA, docB, b }
}

/** B draws the board; A then opens it view-first and loads only what is in view until its chunks run. */
function openPartially() {
  const { docA, docB, b } = boardDrawnByB()
  const chunks = manualScheduler()
  const a = client(docA, { viewFirst: { view: VIEW, minShapes: 1, schedule: chunks.schedule } })
  return { a, b, chunks, docA, docB }
}

describe('StoreYjsBinding, view-first load', () => {
  test('edits during the partial load, deletes included, lose nothing and leave nothing dangling', () => {
    const { a, b, chunks, docA, docB } = openPartially()
    // In view: both boxes, plus what they are bound to (the far arrow and its far end), nothing else.
    for (const id of [ids.mover, ids.near, ids.link, ids.far1]) expect(a.store.has(id), id).toBe(true)
    for (const id of [ids.frame, ids.inner, ids.farArrow, fill(0), ids.p2box]) expect(a.store.has(id), id).toBe(false)
    expect(a.editor.getBindingsInvolvingShape(ids.link)).toHaveLength(2)
    expect(a.binding.isFullyLoaded).toBe(false)

    // The user edits before the rest has arrived: a move, a delete of a shape bound to a far arrow, a page delete.
    a.editor.updateShape({ id: ids.mover, type: 'geo', x: 160, y: 140 })
    a.editor.deleteShape(ids.near)
    a.editor.deletePage(PAGE_2)
    flush(a)
    a.binding.streamRest()
    chunks.runOne()
    // A peer edits a shape A has not loaded yet, and deletes another with its arrow.
    b.editor.updateShape({ id: fill(FAR_BOXES - 1), type: 'geo', x: 7_777 })
    b.editor.deleteShapes([ids.farB])
    flush(b)
    expect(a.binding.isFullyLoaded).toBe(false)
    chunks.runAll()

    expect(a.binding.isFullyLoaded).toBe(true)
    const doc = docRecords(docA)
    expect(storeRecords(a.store)).toEqual(doc)
    expect(storeRecords(b.store)).toEqual(doc)
    expect(docRecords(docB)).toEqual(doc)
    expectNothingDangles(doc)
    expect(b.store.get(ids.mover)).toMatchObject({ x: 160, y: 140 })
    expect(a.store.get(fill(FAR_BOXES - 1))).toMatchObject({ x: 7_777 })
    for (const gone of [ids.near, ids.p2box, PAGE_2, ids.farB])
      expect(
        doc.some((r) => r.id === gone),
        gone
      ).toBe(false)
    // The far arrow lost only its binding to the deleted shape; everything else is there.
    expect(b.editor.getBindingsInvolvingShape(ids.link).map((x) => x.toId)).toEqual([ids.far1])
    for (const kept of [ids.link, ids.far1, ids.frame, ids.inner, ids.farA, ids.farArrow, fill(0)]) {
      expect(a.store.has(kept), kept).toBe(true)
    }
    expect(doc.filter((r) => r.typeName === 'shape')).toHaveLength(2 + 2 + 2 + 2 + FAR_BOXES - 1)
  })

  test('a peer binding a loaded shape to one not loaded yet loads the rest at once, so nothing dangles', () => {
    const { a, b, docA, docB } = openPartially()
    expect(a.store.has(fill(3))).toBe(false)

    const bridge = createShapeId('bridge')
    arrowBetween(b.editor, bridge, 200, 300, ids.mover, fill(3))
    flush(b)

    expect(a.binding.isFullyLoaded).toBe(true)
    expect(a.editor.getBindingsInvolvingShape(bridge)).toHaveLength(2)
    expect(storeRecords(a.store)).toEqual(docRecords(docA))
    expectNothingDangles(storeRecords(a.store))
    // Deleting the far end now, on A, deletes the binding everywhere.
    a.editor.deleteShape(fill(3))
    flush(a)
    expect(b.editor.getBindingsInvolvingShape(bridge).map((x) => x.toId)).toEqual([ids.mover])
    expectNothingDangles(docRecords(docB))
  })

  test('a page deleted during the partial load comes back whole with undo, its unloaded shapes included', () => {
    const { a, b, docA, docB } = openPartially()
    loadBeforeWholePageActions(a.editor, a.binding)
    expect(a.store.has(ids.p2box)).toBe(false)

    a.editor.markHistoryStoppingPoint('deleting page')
    a.editor.deletePage(PAGE_2)
    flush(a)
    expect(b.store.has(PAGE_2)).toBe(false)
    expect(b.store.has(ids.p2box)).toBe(false)

    a.editor.undo()
    flush(a)
    // Before the fix, the page came back empty: its box was deleted from the doc but never in tldraw's history.
    for (const store of [a.store, b.store]) {
      expect(store.has(PAGE_2)).toBe(true)
      expect(store.get(ids.p2box)).toMatchObject({ parentId: PAGE_2 })
    }
    expect(a.binding.isFullyLoaded).toBe(true)
    expect(docRecords(docA)).toEqual(docRecords(docB))
    expectNothingDangles(docRecords(docA))
  })

  test('select all during the partial load (Ctrl+A) selects every shape of the page, so a delete takes them all', () => {
    const { a, b, docB } = openPartially()
    loadBeforeWholePageActions(a.editor, a.binding)
    expect(a.store.has(fill(0))).toBe(false)

    // As tldraw's select-all action runs it: inside editor.run.
    a.editor.run(() => a.editor.selectAll())
    const selected = new Set(a.editor.getSelectedShapeIds())
    // Before the fix, only what was in view was selected: the far boxes stayed behind after the delete.
    for (const id of [ids.mover, ids.far1, ids.frame, ids.farArrow, fill(0), fill(FAR_BOXES - 1)]) {
      expect(selected.has(id), id).toBe(true)
    }
    a.editor.deleteShapes([...selected])
    flush(a)
    const onFirstPage = (records: TLRecord[]) =>
      records.filter((r) => r.typeName === 'shape' && r.parentId === a.editor.getCurrentPageId())
    expect(onFirstPage(docRecords(docB))).toEqual([])
    expect(onFirstPage(b.store.allRecords())).toEqual([])
  })

  test('duplicating a page during the partial load copies every shape on it', () => {
    const { a, b } = openPartially()
    loadBeforeWholePageActions(a.editor, a.binding)
    const first = a.editor.getCurrentPageId()
    const shapesOn = (store: TLStore, page: string) =>
      store.allRecords().filter((r) => r.typeName === 'shape' && a.editor.getAncestorPageId(r.id) === page)
    const copy = PageRecordType.createId('copy')

    a.editor.run(() => a.editor.duplicatePage(first, copy))
    flush(a)
    // Every shape of the first page has its copy, on both peers (not only the ones in view).
    expect(shapesOn(a.store, copy)).toHaveLength(shapesOn(a.store, first).length)
    expect(shapesOn(a.store, first)).toHaveLength(2 + 2 + 2 + 3 + FAR_BOXES)
    expect(b.store.allRecords().filter((r) => r.typeName === 'shape')).toHaveLength(2 * (2 + 2 + 2 + 3 + FAR_BOXES) + 1)
  })

  test('a small board loads in one go, and never watches the user input', () => {
    const { docA } = boardDrawnByB()
    const watching = inputWatcher()
    const a = client(docA, { viewFirst: { view: VIEW, schedule: manualScheduler().schedule, ...watching.option } })
    expect(a.binding.isFullyLoaded).toBe(true)
    expect(storeRecords(a.store)).toEqual(docRecords(docA))
    expect(watching.started).toBe(0)
  })

  test('the user input is watched only while the rest streams in', () => {
    const { docA } = boardDrawnByB()
    const chunks = manualScheduler()
    const watching = inputWatcher()
    const a = client(docA, { viewFirst: { view: VIEW, minShapes: 1, schedule: chunks.schedule, ...watching.option } })
    expect([watching.started, watching.live]).toEqual([1, 1])
    a.binding.streamRest()
    chunks.runAll()
    expect(a.binding.isFullyLoaded).toBe(true)
    expect([watching.started, watching.live]).toEqual([1, 0])
  })
})
