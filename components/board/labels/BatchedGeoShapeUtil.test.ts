// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  createShapeId,
  createTLStore,
  GeoShapeUtil,
  toRichText,
  type Editor,
  type TLGeoShape,
  type TLMeasureTextOpts,
} from 'tldraw'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { createTestEditor } from '@/tests/support/testEditor'
import { RICH_TEXT_CORPUS as CORPUS } from '@/tests/support/richTextCorpus'

/**
 * Labels of geo shapes are measured in batches (BatchedGeoShapeUtil). The
 * bug this guards against is a board whose shapes are sized differently
 * from tldraw's: every request must be exactly what stock tldraw measures.
 */

const editors: Editor[] = []
afterEach(() => {
  for (const editor of editors.splice(0)) editor.dispose()
})

function editorWith(stock: boolean): Editor {
  const store = createTLStore({ schema: createBoardSchema() })
  const editor = stock ? createTestEditor(store, []) : createTestEditor(store)
  editors.push(editor)
  return editor
}

/** A measurer that answers from the request alone, so stock and batched results can be compared. */
function fakeSize(html: string, opts: TLMeasureTextOpts) {
  return { x: 0, y: 0, w: html.length + (opts.maxWidth ?? 0) / 10, h: opts.fontSize * 2, scrollWidth: 0 }
}

/** Geo shape records with labels in every size, font and scale, some too narrow for their label. */
function labelledShapes(count: number, plain = false): TLGeoShape[] {
  const maker = editorWith(true)
  vi.spyOn(maker.textMeasure, 'measureHtml').mockImplementation(fakeSize)
  maker.createShapes(plain ? plainShapes(count) : shapePartials(count))
  return maker.getCurrentPageShapes() as TLGeoShape[]
}

/** As a board load brings them: records put into the store from the room. */
function load(editor: Editor, records: TLGeoShape[]): void {
  editor.store.mergeRemoteChanges(() => editor.store.put(records))
}

function plainShapes(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: createShapeId(`box${i}`),
    type: 'geo' as const,
    x: (i % 50) * 140,
    y: Math.floor(i / 50) * 110,
    props: { w: 120, h: 90, richText: toRichText(`box ${i}`) },
  }))
}

function shapePartials(count: number) {
  const sizes = ['s', 'm', 'l', 'xl'] as const
  const fonts = ['draw', 'sans', 'serif', 'mono'] as const
  return Array.from({ length: count }, (_, i) => ({
    id: createShapeId(`geo${i}`),
    type: 'geo' as const,
    x: (i % 20) * 150,
    y: Math.floor(i / 20) * 120,
    props: {
      w: i % 7 === 0 ? 20 : 120,
      h: 90,
      size: sizes[i % 4]!,
      font: fonts[Math.floor(i / 4) % 4]!,
      scale: i % 5 === 0 ? 2 : 1,
      richText: CORPUS[i % CORPUS.length]!,
    },
  }))
}

describe('BatchedGeoShapeUtil', () => {
  test('tldraw still measures geo labels through the method it replaces', () => {
    expect(typeof (GeoShapeUtil.prototype as unknown as Record<string, unknown>).measureUnscaledLabelSize).toBe(
      'function'
    )
  })

  test('measures every label with the same HTML and options as stock tldraw, giving the same geometry', () => {
    const shapes = labelledShapes(24)
    const stock = editorWith(true)
    const stockRequests: string[] = []
    vi.spyOn(stock.textMeasure, 'measureHtml').mockImplementation((html, opts) => {
      stockRequests.push(JSON.stringify([html, opts]))
      return fakeSize(html, opts)
    })
    const batched = editorWith(false)
    const batchedRequests: string[] = []
    const single = vi.spyOn(batched.textMeasure, 'measureHtml')
    vi.spyOn(batched.textMeasure, 'measureHtmlBatch').mockImplementation((requests) =>
      requests.map(({ html, opts }) => {
        batchedRequests.push(JSON.stringify([html, opts]))
        return fakeSize(html, opts)
      })
    )
    load(stock, shapes)
    load(batched, shapes)

    for (const { id } of shapes) {
      expect(batched.getShapeGeometry(id).bounds.toJson()).toEqual(stock.getShapeGeometry(id).bounds.toJson())
    }
    expect(single).not.toHaveBeenCalled()
    expect(new Set(batchedRequests)).toEqual(new Set(stockRequests))
    expect(stockRequests.length).toBeGreaterThan(10) // the labelled ones, each measured
  })

  test('measures a board of labelled shapes in a few layouts, not one per shape', () => {
    const editor = editorWith(false)
    const batch = vi
      .spyOn(editor.textMeasure, 'measureHtmlBatch')
      .mockImplementation((requests) => requests.map(({ html, opts }) => fakeSize(html, opts)))
    const shapes = labelledShapes(600, true)
    load(editor, shapes)

    for (const { id } of shapes) editor.getShapeGeometry(id)

    const measured = batch.mock.calls.reduce((sum, [requests]) => sum + requests.length, 0)
    expect(measured).toBe(600) // each label once
    expect(batch.mock.calls.length).toBeLessThanOrEqual(3) // batches of up to 250
  })
})
