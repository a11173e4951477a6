// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { createShapeId, createTLStore, toRichText, type Editor, type TLRecord, type TLStore } from 'tldraw'
import { createBoardSchema } from '../board/boardSchema'
import { createTestEditor } from '@/tests/support/testEditor'
import { seedBoardDoc } from './seedBoardDoc'
import { StoreYjsBinding, type BindingProblem } from './StoreYjsBinding'
import { getMetaMap, getRecordsMap, SCHEMA_FIELD } from './yRecords'

const RELAY = Symbol('relay')

interface Peer {
  doc: Y.Doc
  store: TLStore
  editor: Editor
  binding: StoreYjsBinding
  problems: BindingProblem[]
}

/**
 * Peers whose docs exchange updates directly, like clients through a server.
 * `hold()` queues updates instead of delivering them (a network partition);
 * `deliver()` flushes the queue in order.
 */
function createNetwork(count: number) {
  const seed = new Y.Doc()
  seedBoardDoc(seed, createBoardSchema())
  const docs = Array.from({ length: count }, () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed))
    return doc
  })
  let held: (() => void)[] | null = null
  for (const from of docs) {
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === RELAY) return
      for (const to of docs) {
        if (to === from) continue
        const send = () => Y.applyUpdate(to, update, RELAY)
        if (held) held.push(send)
        else send()
      }
    })
  }
  const peers: Peer[] = docs.map((doc) => {
    const store = createTLStore({ schema: createBoardSchema() })
    const problems: BindingProblem[] = []
    const binding = new StoreYjsBinding(store, doc, { onProblem: (p) => problems.push(p) })
    binding.attach()
    return { doc, store, binding, problems, editor: createTestEditor(store) }
  })
  return {
    peers,
    hold: () => void (held = []),
    deliver: () => {
      const queue = held ?? []
      held = null
      for (const send of queue) send()
    },
  }
}

/** Document records as the user sees them, minus per-browser user records. */
function boardRecords(store: TLStore): TLRecord[] {
  return store
    .allRecords()
    .filter((r) => store.scopedTypes.document.has(r.typeName) && r.typeName !== 'user')
    .sort((a, b) => a.id.localeCompare(b.id))
}

/**
 * tldraw batches store changes to the next frame. Deliver them now, as the
 * frame would: each peer's pending changes reach its binding, its doc, and
 * (the network being synchronous unless held) every other peer. No waiting,
 * so nothing a slow machine could turn into a false pass.
 */
function flush(...peers: Peer[]) {
  for (const peer of peers) peer.store._flushHistory()
  for (const peer of peers) expect(peer.problems).toEqual([])
}

let network: ReturnType<typeof createNetwork>
afterEach(() => {
  for (const peer of network?.peers ?? []) {
    peer.binding.dispose()
    peer.editor.dispose()
  }
})

describe('StoreYjsBinding', () => {
  test('every kind of edit made through tldraw on A reaches B identically', async () => {
    network = createNetwork(2)
    const [a, b] = network.peers as [Peer, Peer]
    const box = createShapeId('box')
    const label = createShapeId('label')
    const arrow = createShapeId('arrow')

    a.editor.createShape({ id: box, type: 'geo', x: 100, y: 100, props: { w: 120, h: 80 } })
    a.editor.createShape({ id: label, type: 'text', x: 400, y: 100, props: { richText: toRichText('API') } })
    a.editor.createShape({ id: arrow, type: 'arrow', x: 0, y: 0, props: { end: { x: 200, y: 0 } } })
    flush(a)
    expect(b.store.get(box)).toEqual(a.store.get(box))

    a.editor.updateShape({ id: box, type: 'geo', x: 180, y: 140 }) // move
    a.editor.updateShape({ id: box, type: 'geo', props: { w: 300, h: 200 } }) // resize
    a.editor.updateShape({ id: box, type: 'geo', props: { color: 'red', fill: 'solid', dash: 'dashed' } }) // restyle
    a.editor.updateShape({ id: label, type: 'text', props: { richText: toRichText('API gateway') } }) // text edit
    a.editor.deleteShape(arrow)
    a.editor.createPage({ name: 'Deep dive' })
    flush(a)

    expect(b.store.get(box)).toMatchObject({ x: 180, y: 140, props: { w: 300, h: 200, color: 'red', fill: 'solid' } })
    expect(b.store.get(arrow)).toBeUndefined()
    expect(b.editor.getPages().map((p) => p.name)).toEqual(['Page 1', 'Deep dive'])
    expect(boardRecords(b.store)).toEqual(boardRecords(a.store))
  })

  test('a shape move costs less than 100 bytes as a y-websocket update frame', async () => {
    network = createNetwork(2)
    const [a] = network.peers as [Peer, Peer]
    const id = createShapeId()
    a.editor.createShape({ id, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } })
    flush(a)

    const frames: Uint8Array[] = []
    a.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === RELAY) return
      // Exactly what y-websocket's client sends: message type 0 (sync), then writeUpdate.
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeUpdate(encoder, update)
      frames.push(encoding.toUint8Array(encoder))
    })
    a.editor.updateShape({ id, type: 'geo', x: 512.5, y: 384.25 })
    flush(a)

    expect(frames).toHaveLength(1)
    expect(frames[0]!.byteLength).toBeLessThan(100)
  })

  test('remote edits never enter the local undo stack: undo only undoes your own', async () => {
    network = createNetwork(2)
    const [a, b] = network.peers as [Peer, Peer]
    const mine = createShapeId('mine')
    const theirs = createShapeId('theirs')

    a.editor.markHistoryStoppingPoint('create mine')
    a.editor.createShape({ id: mine, type: 'geo', x: 0, y: 0 })
    flush(a)
    b.editor.markHistoryStoppingPoint('create theirs')
    b.editor.createShape({ id: theirs, type: 'geo', x: 300, y: 0 })
    b.editor.updateShape({ id: theirs, type: 'geo', x: 350 })
    flush(b)
    expect(a.store.get(theirs)).toMatchObject({ x: 350 })

    a.editor.undo()
    flush(a)

    expect(a.store.get(mine)).toBeUndefined()
    expect(b.store.get(mine)).toBeUndefined()
    expect(a.store.get(theirs)).toMatchObject({ x: 350 })
    expect(b.store.get(theirs)).toMatchObject({ x: 350 })
    expect(a.editor.getCanUndo()).toBe(false)
  })

  test('concurrent edits of different fields of one shape both survive', async () => {
    network = createNetwork(2)
    const [a, b] = network.peers as [Peer, Peer]
    const id = createShapeId()
    a.editor.createShape({ id, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100, color: 'black' } })
    flush(a)

    network.hold()
    a.editor.updateShape({ id, type: 'geo', props: { color: 'blue' } })
    b.editor.updateShape({ id, type: 'geo', x: 250, y: 75 })
    flush(a, b)
    network.deliver()
    flush(a, b)

    for (const peer of [a, b]) {
      expect(peer.store.get(id)).toMatchObject({ x: 250, y: 75, props: { color: 'blue' } })
    }
  })

  test('a shape deleted remotely while being edited stays deleted', async () => {
    network = createNetwork(2)
    const [a, b] = network.peers as [Peer, Peer]
    const id = createShapeId()
    a.editor.createShape({ id, type: 'geo', x: 0, y: 0 })
    flush(a)

    network.hold()
    a.editor.deleteShape(id)
    b.editor.updateShape({ id, type: 'geo', x: 40 })
    flush(a, b)
    network.deliver()
    flush(a, b)
    expect(b.store.get(id)).toBeUndefined()
    // One more edit from B after it learned of the delete (its user still
    // dragging the shape, then drawing another) must not resurrect it.
    const later = createShapeId('later')
    b.editor.updateShape({ id, type: 'geo', x: 80 })
    b.editor.createShape({ id: later, type: 'geo', x: 300, y: 0 })
    flush(b)
    expect(a.store.get(later)).toBeDefined() // B's edits after the delete did arrive…
    expect(b.store.get(id)).toBeUndefined() // …and the deleted shape stayed deleted on both.
    expect(a.store.get(id)).toBeUndefined()
    expect(getRecordsMap(a.doc).has(id)).toBe(false)
  })

  test('invalid records written into the doc by a hostile peer are ignored', async () => {
    network = createNetwork(2)
    const [a, b] = network.peers as [Peer, Peer]
    b.doc.transact(() => {
      const bogus = new Y.Map<unknown>()
      bogus.set('id', 'shape:bogus')
      bogus.set('typeName', 'shape')
      bogus.set('type', 'geo')
      bogus.set('x', 'not a number')
      getRecordsMap(b.doc).set('shape:bogus', bogus)
    })
    const box = createShapeId()
    b.editor.createShape({ id: box, type: 'geo', x: 1, y: 1 })
    flush(b)

    expect(a.store.has('shape:bogus' as never)).toBe(false)
    expect(a.store.get(box)).toBeDefined()
  })

  test('a client older than the doc does not write and reports newer-schema', async () => {
    const doc = new Y.Doc()
    seedBoardDoc(doc, createBoardSchema())
    const schema = structuredClone(getMetaMap(doc).get(SCHEMA_FIELD)) as { sequences: Record<string, number> }
    schema.sequences['com.tldraw.shape.geo'] = (schema.sequences['com.tldraw.shape.geo'] ?? 0) + 1
    getMetaMap(doc).set(SCHEMA_FIELD, schema)
    const before = Y.encodeStateVector(doc)

    const store = createTLStore({ schema: createBoardSchema() })
    const binding = new StoreYjsBinding(store, doc)
    const problem = binding.attach()
    const editor = createTestEditor(store)
    editor.createShape({ type: 'geo', x: 0, y: 0 })
    store._flushHistory() // the edit has reached every listener: a writing binding would have written it by now

    expect(problem?.kind).toBe('newer-schema')
    expect(binding.isWritable).toBe(false)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(store.get('page:page' as never)).toBeDefined()
    editor.dispose()
    binding.dispose()
  })
})
