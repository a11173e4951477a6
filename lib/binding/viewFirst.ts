import type { TLRecord, TLShape } from '@tldraw/tlschema'

/** A rectangle of the page, in page coordinates. */
export interface PageRect {
  x: number
  y: number
  w: number
  h: number
}

/**
 * How far beyond the view, as a share of its size on each side, a shape
 * still loads first. Small: every shape in the first load delays the first
 * paint by its mount and label measure (~2 ms each), and the shapes just
 * outside are the first chunk's anyway. (Half the view each side loaded
 * ~2× the shapes the screen shows.)
 */
export const VIEW_MARGIN = 0.1

/** Which records to load first, and in which order to stream the others. */
export interface ViewFirstPlan {
  /** Ids of every record that is not a shape or binding (document, pages, assets, users…) and of the shapes in view. */
  first: string[]
  /**
   * The other shapes' ids in the order tldraw stacks them, bottom first (by
   * their top-level shape's index), the first page's before the others'
   * (their bindings, parents and children follow them by closure).
   */
  rest: string[]
}

/**
 * Splits a board's records into what the first paint needs and the rest.
 *
 * A shape is "in view" when its rough page box (its position summed up its
 * parents, plus `w`/`h` or an arrow's end points; rotation ignored) meets
 * `view` grown by {@link VIEW_MARGIN} of its size on each side, on the first
 * page (tldraw opens a board on its first page, camera at the origin). The
 * box is only a priority: whatever is misjudged arrives a moment later with
 * the rest.
 */
export function planViewFirst(records: Iterable<TLRecord>, view: PageRect): ViewFirstPlan {
  const shapes = new Map<string, TLShape>()
  const first: string[] = []
  let firstPage: { id: string; index: string } | null = null
  for (const record of records) {
    if (record.typeName === 'shape') shapes.set(record.id, record)
    else if (record.typeName !== 'binding') first.push(record.id)
    if (record.typeName === 'page' && (!firstPage || record.index < firstPage.index)) firstPage = record
  }
  const place = placer(shapes)
  const margin = { x: view.w * VIEW_MARGIN, y: view.h * VIEW_MARGIN }
  const rest: { id: string; key: string }[] = []
  for (const shape of shapes.values()) {
    const { page, box, stack } = place(shape)
    const inView =
      page === firstPage?.id &&
      box.x <= view.x + view.w + margin.x &&
      box.x + box.w >= view.x - margin.x &&
      box.y <= view.y + view.h + margin.y &&
      box.y + box.h >= view.y - margin.y
    if (inView) first.push(shape.id)
    else rest.push({ id: shape.id, key: `${page === firstPage?.id ? 0 : 1}${page} ${stack}` })
  }
  // Stacking order: each chunk then lands above what is mounted, so the z-index tldraw gives every
  // mounted shape stays put and React does not re-render them all on every chunk.
  rest.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return { first, rest: rest.map((r) => r.id) }
}

/** Page, rough page box and stacking key (its top-level shape's index) of each shape, memoised up the parent chain. */
function placer(shapes: Map<string, TLShape>) {
  const origins = new Map<string, { page: string; x: number; y: number; stack: string }>()
  const origin = (shape: TLShape, depth = 0): { page: string; x: number; y: number; stack: string } => {
    const known = origins.get(shape.id)
    if (known) return known
    const parent = shapes.get(shape.parentId)
    // A cycle or an absurd depth (a hostile doc) stops at the shape itself.
    const base =
      parent && depth < 100 ? origin(parent, depth + 1) : { page: shape.parentId, x: 0, y: 0, stack: shape.index }
    const placed = { page: base.page, x: base.x + shape.x, y: base.y + shape.y, stack: base.stack }
    origins.set(shape.id, placed)
    return placed
  }
  return (shape: TLShape) => {
    const { page, x, y, stack } = origin(shape)
    const props = shape.props as Record<string, unknown>
    const xs = [0]
    const ys = [0]
    if (typeof props.w === 'number') xs.push(props.w)
    if (typeof props.h === 'number') ys.push(props.h)
    for (const end of [props.start, props.end]) {
      if (end && typeof end === 'object' && 'x' in end && 'y' in end) {
        xs.push(Number(end.x) || 0)
        ys.push(Number(end.y) || 0)
      }
    }
    const minX = Math.min(...xs)
    const minY = Math.min(...ys)
    return { page, stack, box: { x: x + minX, y: y + minY, w: Math.max(...xs) - minX, h: Math.max(...ys) - minY } }
  }
}
