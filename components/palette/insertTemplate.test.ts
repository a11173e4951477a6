// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest'
import { createTLStore, type Editor, type TLArrowShape } from 'tldraw'
import { createBoardSchema } from '@/lib/board/boardSchema'
import type { TLBlockShape } from '@/lib/blocks/blockShape'
import { getBlock, getTemplate, templateCatalog } from '@/lib/patterns/catalog'
import { createTestEditor } from '@/tests/support/testEditor'
import { readConnection } from '../connections/connectionStyle'
import { insertBlock } from './insertBlock'
import { insertTemplate } from './insertTemplate'
import { extractBoardGraph } from '@/lib/review/boardGraph'
import { reviewBoard } from '@/lib/review/reviewBoard'

let editor: Editor
afterEach(() => editor?.dispose())

function newEditor() {
  editor = createTestEditor(createTLStore({ schema: createBoardSchema() }))
  return editor
}

const blocks = () => editor.getCurrentPageShapes().filter((s): s is TLBlockShape => s.type === 'block')
const arrows = () => editor.getCurrentPageShapes().filter((s): s is TLArrowShape => s.type === 'arrow')

describe('insertTemplate', () => {
  test.each(templateCatalog.map((t) => [t.id]))('%s places its blocks and bound, labelled arrows', (id) => {
    newEditor()
    const template = getTemplate(id)!
    insertTemplate(editor, template, { x: 0, y: 0 })

    expect(
      blocks()
        .map((b) => b.props.kind)
        .sort()
    ).toEqual(template.blocks.map((b) => b.kind).sort())
    expect(arrows()).toHaveLength(template.connections.length)
    for (const arrow of arrows()) {
      // Both ends bound to blocks, so moving a block drags its arrows along.
      const ends = editor.getBindingsFromShape(arrow, 'arrow').map((b) => editor.getShape(b.toId)?.type)
      expect(ends).toEqual(['block', 'block'])
    }
    const asyncLinks = template.connections.filter((c) => c.mode === 'async').length
    expect(arrows().filter((a) => a.props.dash === 'dashed')).toHaveLength(asyncLinks)
    expect(arrows().filter((a) => readConnection(a).mode === 'async')).toHaveLength(asyncLinks)
  })

  test.each(templateCatalog.map((t) => [t.id]))('%s passes the design review with no high-severity finding', (id) => {
    // A template is a model answer to start from: it must not teach a single point of failure.
    newEditor()
    insertTemplate(editor, getTemplate(id)!)
    const graph = extractBoardGraph(editor.store.allRecords(), editor.getCurrentPageId())
    expect(graph.edges.every((e) => e.from && e.to)).toBe(true)
    const high = reviewBoard({ graph, problem: null }).filter((f) => f.severity === 'high')
    expect(high.map((f) => f.title)).toEqual([])
  })

  test('one undo removes the whole template, one redo brings it back', () => {
    newEditor()
    insertBlock(editor, getBlock('client')!)
    insertTemplate(editor, getTemplate('cache-aside-read-replicas')!)
    expect(blocks()).toHaveLength(7)

    editor.undo()
    expect(blocks().map((b) => b.props.kind)).toEqual(['client'])
    expect(arrows()).toHaveLength(0)

    editor.redo()
    expect(blocks()).toHaveLength(7)
    expect(arrows()).toHaveLength(6)
  })

  test('labels and numbers from the template land on the blocks; arrows carry protocol and note', () => {
    newEditor()
    insertTemplate(editor, getTemplate('url-shortener-starter')!)
    const ids = blocks().find((b) => b.props.kind === 'id-generator')!
    expect(ids.props.annotation).toBe('base62, 7 chars')
    const labels = arrows().map((a) => editor.getShapeUtil(a).getText(a))
    expect(labels).toContain('Kafka · click')
    expect(labels).toContain('gRPC · next id')
  })
})

describe('insertBlock', () => {
  test('places a block named after its kind, coloured by group, selected', () => {
    newEditor()
    const id = insertBlock(editor, getBlock('load-balancer')!, { x: 100, y: 100 })
    const block = editor.getShape<TLBlockShape>(id)!
    expect(block.props).toMatchObject({ kind: 'load-balancer', label: 'Load balancer', color: 'blue' })
    expect(editor.getSelectedShapeIds()).toEqual([id])
    expect(editor.getShapePageBounds(id)!.center).toMatchObject({ x: 100, y: 100 })
  })

  test('two clicks on the same tile do not pile blocks on top of each other', () => {
    newEditor()
    const a = insertBlock(editor, getBlock('cdn')!, { x: 0, y: 0 })
    const b = insertBlock(editor, getBlock('cdn')!, { x: 0, y: 0 })
    expect(editor.getShapePageBounds(a)!.collides(editor.getShapePageBounds(b)!)).toBe(false)
  })
})
