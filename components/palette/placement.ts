import type { Editor, VecLike } from 'tldraw'
import { clusterBounds } from '@/lib/placement/clusters'
import { findFreeSpot } from '@/lib/placement/freeSpot'
import { expand, type Rect } from '@/lib/placement/rect'
import { revealCamera } from '@/lib/placement/revealCamera'
import { unobstructedArea } from '@/lib/placement/visibleArea'

/**
 * What floats over the canvas inside tldraw's container: the main menu and
 * helper buttons (top left), the connection toolbar (top centre), the people
 * menu and style panel (top right), the navigation panel and toolbar (bottom).
 * The app's own panels (palette, session panel, header) sit beside the canvas,
 * outside tldraw's viewport, so they are already excluded.
 */
const OVERLAYS = [
  '.tlui-layout__top__left > *',
  '.tlui-layout__top__center > *',
  '.tlui-layout__top__right > *',
  '.tlui-layout__bottom__main > *',
].join(', ')
/** Page units kept clear between something placed and the shapes already there. */
const GAP = 32
/** Screen pixels between two candidate spots, so the search costs the same at any zoom. */
const STEP_PX = 24
/** Screen pixels kept between what is placed and the edge of the clear area, when placing and when revealing. */
const PADDING_PX = 24

/**
 * The clear part of the canvas, in screen pixels relative to the viewport's
 * top-left corner: tldraw's viewport minus the UI floating over it (see
 * {@link unobstructedArea}).
 */
export function visibleScreenArea(editor: Editor): Rect {
  const viewport = editor.getViewportScreenBounds()
  const overlays = [...editor.getContainer().querySelectorAll(OVERLAYS)]
    .map((element) => element.getBoundingClientRect())
    .filter((rect) => rect.width > 0 && rect.height > 0)
    .map((rect) => ({ x: rect.x - viewport.x, y: rect.y - viewport.y, w: rect.width, h: rect.height }))
  return unobstructedArea({ x: 0, y: 0, w: viewport.w, h: viewport.h }, overlays)
}

/**
 * Where to centre something of `size` (page units) placed without a drop
 * point: the free spot nearest the middle of the clear canvas, covering no
 * shape on the page and keeping a gap to each (see {@link findFreeSpot}).
 * Shapes wired together by arrows count as one diagram, so nothing lands in
 * the gaps inside a diagram (a template's empty grid cells).
 */
export function findPlacement(editor: Editor, size: { w: number; h: number }): VecLike {
  // Keep off the very edge of the clear area too.
  const area = clearPageArea(editor, PADDING_PX)
  const spot = findFreeSpot({
    size,
    center: { x: area.x + area.w / 2, y: area.y + area.h / 2 },
    area,
    obstacles: diagramBounds(editor),
    gap: GAP,
    step: STEP_PX / editor.getZoomLevel(),
  })
  return { x: spot.x + spot.w / 2, y: spot.y + spot.h / 2 }
}

/** The clear part of the canvas in page units, shrunk by `inset` screen pixels. */
function clearPageArea(editor: Editor, inset = 0): Rect {
  const { x, y, z } = editor.getCamera()
  const screen = expand(visibleScreenArea(editor), -inset)
  return { x: screen.x / z - x, y: screen.y / z - y, w: screen.w / z, h: screen.h / z }
}

/**
 * The part of the board's content that is in the clear canvas now (page
 * units), or null if none is: what {@link revealPlaced} tries to keep in view.
 */
export function contentInView(editor: Editor): Rect | null {
  const content = editor.getCurrentPageBounds()
  if (!content) return null
  const view = clearPageArea(editor)
  const x = Math.max(content.x, view.x)
  const y = Math.max(content.y, view.y)
  const w = Math.min(content.x + content.w, view.x + view.w) - x
  const h = Math.min(content.y + content.h, view.y + view.h) - y
  return w > 0 && h > 0 ? { x, y, w, h } : null
}

/**
 * Pans, and zooms out if it must, so `bounds` (page units) lies fully in the
 * clear canvas, keeping `keep` (what was in view before) in view too when that
 * costs at most halving the zoom; does nothing if `bounds` already shows, and
 * never zooms in (see {@link revealCamera}). Animated unless the user turned
 * animations off.
 */
export function revealPlaced(editor: Editor, bounds: Rect, keep: Rect | null = null): void {
  const visible = visibleScreenArea(editor)
  if (visible.w <= 4 * PADDING_PX || visible.h <= 4 * PADDING_PX) return // not laid out (tests, hidden tab)
  const camera = revealCamera({
    camera: editor.getCamera(),
    target: bounds,
    visible,
    padding: PADDING_PX,
    keep,
    minZoom: (editor.getCameraOptions().zoomSteps[0] ?? 0.1) * editor.getBaseZoom(),
  })
  if (camera) editor.setCamera(camera, { animation: { duration: 240 } })
}

/** The bounds of each diagram on the page: top-level shapes, grouped with the arrows bound to them. */
function diagramBounds(editor: Editor): Rect[] {
  const pageId = editor.getCurrentPageId()
  const shapes = editor.getCurrentPageShapes().filter((shape) => shape.parentId === pageId)
  const rects = new Map(
    shapes.flatMap((shape) => {
      const bounds = editor.getShapePageBounds(shape)
      return bounds ? [[shape.id, bounds] as const] : []
    })
  )
  const links = shapes
    .filter((shape) => shape.type === 'arrow')
    .flatMap((arrow) => editor.getBindingsFromShape(arrow, 'arrow').map((binding) => [arrow.id, binding.toId] as const))
  return clusterBounds(rects, links)
}
