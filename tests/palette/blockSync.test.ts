// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { createShapeId, createTLStore, type Editor, type TLArrowShape } from 'tldraw'
import { createBoardSchema } from '@/lib/board/boardSchema'
import type { TLBlockShape } from '@/lib/blocks/blockShape'
import { seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { StoreYjsBinding, type BindingProblem } from '@/lib/binding/StoreYjsBinding'
import { getBlock, getTemplate } from '@/lib/patterns/catalog'
import { insertBlock } from '@/components/palette/insertBlock'
import { insertTemplate } from '@/components/palette/insertTemplate'
import { readConnection, setConnection } from '@/components/connections/connectionStyle'
import { createTestEditor } from '@/tests/support/testEditor'

const RELAY = Symbol('relay')

interface Peer {
  doc: Y.Doc
  editor: Editor
  binding: StoreYjsBinding
  problems: BindingProblem[]
  /** Every update this peer sent, framed exactly as y-websocket sends it. */
  frames: Uint8Array[]
}

/** Two boards joined directly, the way the collab server relays between clients. */
function connectPeers(): [Peer, Peer] {
  const seed = new Y.Doc()
  seedBoardDoc(seed, createBoardSchema())
  const docs = [0, 1].map(() => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed))
    return doc
  })
  const frames = docs.map(() => [] as Uint8Array[])
  // Relay from the start: each editor writes its user record on creation, and
  // a later update from that peer cannot apply where that one never arrived.
  docs.forEach((from, i) => {
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === RELAY) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeUpdate(encoder, update)
      frames[i]!.push(encoding.toUint8Array(encoder))
      for (const to of docs) if (to !== from) Y.applyUpdate(to, update, RELAY)
    })
  })
  const peers = docs.map((doc, i) => {
    const store = createTLStore({ schema: createBoardSchema() })
    const problems: BindingProblem[] = []
    const binding = new StoreYjsBinding(store, doc, { onProblem: (p) => problems.push(p) })
    binding.attach()
    return { doc, editor: createTestEditor(store), binding, problems, frames: frames[i]! }
  }) as [Peer, Peer]
  return peers
}

/**
 * tldraw batches store changes to the next frame. Deliver them now, as the
 * frame would: pending changes reach each binding, its doc and (the relay is
 * synchronous) the other peer. No timer, so a slow machine cannot pass a test
 * that has not actually synced.
 */
function flush(peers: Peer[]) {
  for (const peer of peers) peer.editor.store._flushHistory()
  for (const peer of peers) expect(peer.problems).toEqual([])
}

let peers: Peer[] = []
afterEach(() => {
  for (const peer of peers) {
    peer.binding.dispose()
    peer.editor.dispose()
  }
  peers = []
})

describe('palette blocks over the Yjs binding', () => {
  test('a block, its label and its numbers reach the other participant', async () => {
    const [a, b] = (peers = connectPeers())
    const id = insertBlock(a.editor, getBlock('kafka-log')!)
    a.editor.updateShape<TLBlockShape>({
      id,
      type: 'block',
      props: { label: 'Orders topic', annotation: '12 partitions' },
    })
    flush(peers)

    expect(b.editor.getShape<TLBlockShape>(id)?.props).toMatchObject({
      kind: 'kafka-log',
      label: 'Orders topic',
      annotation: '12 partitions',
    })
  })

  test('editing a label or moving a block stays under 100 bytes on the wire', async () => {
    // The binding writes fields, not records: typing one character must not
    // resend the card, the icon or the whole block.
    const [a] = (peers = connectPeers())
    const id = insertBlock(a.editor, getBlock('load-balancer')!)
    flush(peers)

    a.frames.length = 0
    a.editor.updateShape<TLBlockShape>({ id, type: 'block', props: { label: 'Public LB' } })
    flush(peers)
    a.editor.updateShape<TLBlockShape>({ id, type: 'block', props: { annotation: '10K RPS' } })
    flush(peers)
    a.editor.updateShape<TLBlockShape>({ id, type: 'block', x: 420.5, y: -80 })
    flush(peers)

    expect(a.frames).toHaveLength(3)
    for (const frame of a.frames) expect(frame.byteLength).toBeLessThan(100)
  })

  test('a template arrives whole, with bound arrows and their protocol, and one undo removes it for both', async () => {
    const [a, b] = (peers = connectPeers())
    insertTemplate(a.editor, getTemplate('outbox-cdc')!)
    flush(peers)

    const arrows = b.editor.getCurrentPageShapes().filter((s): s is TLArrowShape => s.type === 'arrow')
    expect(arrows).toHaveLength(6)
    expect(arrows.map((arrow) => b.editor.getBindingsFromShape(arrow, 'arrow').length)).toEqual([2, 2, 2, 2, 2, 2])
    expect(arrows.map(readConnection)).toContainEqual({ protocol: 'CDC', mode: 'async' })

    a.editor.undo()
    flush(peers)
    expect(b.editor.getCurrentPageShapes()).toHaveLength(0)
  })

  test('choosing a protocol and async on an arrow labels it and dashes it for everyone', async () => {
    const [a, b] = (peers = connectPeers())
    insertTemplate(a.editor, getTemplate('rate-limited-api-edge')!)
    const arrow = a.editor.getCurrentPageShapes().find((s): s is TLArrowShape => s.type === 'arrow')!
    setConnection(a.editor, [arrow.id], { protocol: 'WebSocket', mode: 'async' })
    flush(peers)

    const seen = b.editor.getShape<TLArrowShape>(arrow.id)!
    expect(b.editor.getShapeUtil(seen).getText(seen)).toBe('WebSocket')
    expect(seen.props.dash).toBe('dashed')
    expect(readConnection(seen)).toEqual({ protocol: 'WebSocket', mode: 'async' })
  })

  test('a protocol on an arrow the user drew gets the same plain small label font as a template arrow', async () => {
    const [a, b] = (peers = connectPeers())
    const id = createShapeId('drawn')
    a.editor.createShape<TLArrowShape>({ id, type: 'arrow', x: 0, y: 0, props: { font: 'draw', size: 'm' } })
    setConnection(a.editor, [id], { protocol: 'gRPC' })
    flush(peers)

    const seen = b.editor.getShape<TLArrowShape>(id)!
    expect(seen.props.font).toBe('sans')
    expect(seen.props.size).toBe('s')
  })
})
