// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest'
import { Box, createTLStore, type Editor } from 'tldraw'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { blockCatalog, getBlock, getTemplate } from '@/lib/patterns/catalog'
import type { PatternHit } from '@/lib/patterns/PatternSearch'
import { createTestEditor } from '@/tests/support/testEditor'
import { insertPattern } from './insertPattern'

let editor: Editor
afterEach(() => editor?.dispose())

/** A laid-out 1000×700 canvas at 100 %, with camera moves instant. */
function newEditor() {
  editor = createTestEditor(createTLStore({ schema: createBoardSchema() }))
  editor.updateViewportScreenBounds(new Box(0, 0, 1000, 700))
  editor.user.updateUserPreferences({ animationSpeed: 0 })
  return editor
}

const block = (id: string): PatternHit => ({ type: 'block', entry: getBlock(id)! })
const template = (id: string): PatternHit => ({ type: 'template', entry: getTemplate(id)! })
const boundsOf = (ids: readonly string[]) =>
  Box.Common(ids.map((id) => editor.getShapePageBounds(id as never)!).filter(Boolean))

describe('placing from the palette without a drop point', () => {
  test('the first block lands mid-view; the next ones beside it, never on it, all in view', () => {
    newEditor()
    const center = editor.getViewportPageBounds().center
    const first = boundsOf(insertPattern(editor, block('load-balancer')))
    expect(first.center.x).toBeCloseTo(center.x)
    expect(first.center.y).toBeCloseTo(center.y)

    const placed = [first]
    for (const id of blockCatalog.slice(0, 9).map((entry) => entry.id))
      placed.push(boundsOf(insertPattern(editor, block(id))))
    for (const [i, a] of placed.entries()) {
      expect(editor.getViewportPageBounds().contains(a)).toBe(true)
      for (const b of placed.slice(i + 1)) expect(a.collides(b)).toBe(false)
    }
    expect(editor.getZoomLevel()).toBe(1)
  })

  test('a template goes beside what is already there, not over it', () => {
    newEditor()
    const lb = boundsOf(insertPattern(editor, block('load-balancer')))
    const cache = boundsOf(insertPattern(editor, template('cache-aside-read-replicas')))
    expect(cache.collides(lb)).toBe(false)
    expect(editor.getViewportPageBounds().contains(cache)).toBe(true)
  })

  test("a block never lands in the gaps inside a template's diagram", () => {
    newEditor()
    editor.updateViewportScreenBounds(new Box(0, 0, 2000, 1400))
    const diagram = boundsOf(insertPattern(editor, template('url-shortener-starter')))
    for (const id of ['load-balancer', 'kafka-log', 'cdn']) {
      const placed = boundsOf(insertPattern(editor, block(id)))
      expect(placed.collides(diagram)).toBe(false)
    }
  })

  test('a template bigger than the view: the view zooms out to show all of it, never in', () => {
    newEditor()
    editor.updateViewportScreenBounds(new Box(0, 0, 500, 400))
    const placed = boundsOf(insertPattern(editor, template('hld-five-layer')))
    expect(editor.getZoomLevel()).toBeLessThan(1)
    expect(editor.getViewportPageBounds().contains(placed)).toBe(true)
  })

  test('a full view: the block goes just outside it, and the view zooms out a little to show both', () => {
    newEditor()
    const view = editor.getViewportPageBounds()
    editor.createShape({ type: 'geo', x: view.x, y: view.y, props: { w: view.w, h: view.h } })
    const placed = boundsOf(insertPattern(editor, block('cdn')))
    expect(placed.collides(view)).toBe(false)
    expect(editor.getViewportPageBounds().contains(placed)).toBe(true)
    expect(editor.getViewportPageBounds().contains(view)).toBe(true)
    expect(editor.getZoomLevel()).toBeGreaterThanOrEqual(0.5)
    expect(editor.getZoomLevel()).toBeLessThan(1)
  })

  test('far from what is in view: the view pans to the new block rather than zooming far out', () => {
    newEditor()
    const view = editor.getViewportPageBounds()
    // Three screens of work around the view: the nearest free space is far away.
    editor.createShape({ type: 'geo', x: view.x - view.w, y: view.y - view.h, props: { w: 3 * view.w, h: 3 * view.h } })
    const placed = boundsOf(insertPattern(editor, block('cdn')))
    expect(editor.getViewportPageBounds().contains(placed)).toBe(true)
    expect(editor.getZoomLevel()).toBe(1)
  })

  test('a drop keeps its point and leaves the camera alone', () => {
    newEditor()
    const camera = editor.getCamera()
    const placed = boundsOf(insertPattern(editor, block('cdn'), { x: 5000, y: 5000 }))
    expect(placed.center).toMatchObject({ x: 5000, y: 5000 })
    expect(editor.getCamera()).toEqual(camera)
  })
})
