import type { TLRecord, TLShape } from '@tldraw/tlschema'

/** A rectangle of the page, in page coordinates. */
export interface PageRect {
  x: number
  y: number
  w: number
  h: number
}

/** Which records to load first, and in which order to stream the others. */
export interface ViewFirstPlan {
  /** Ids of every record that is not a shape or binding (document, pages, assets, users…) and of the shapes in view. */
  first: string[]
  /** The other shapes' ids, nearest to the view first (their bindings follow them by closure). */
  rest: string[]
}

/**
 * Splits a board's records into what the first paint needs and the rest.
 *
 * A shape is "in view" when its rough page box (its position summed up its
 * parents, plus `w`/`h` or an arrow's end points; rotation ignored) meets
 * `view` grown by half its size on each side, on the first page (tldraw
 * opens a board on its first page, camera at the origin). The box is only
 * a priority: whatever is misjudged arrives a moment later with the rest.
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
  const margin = { x: view.w / 2, y: view.h / 2 }
  const centre = { x: view.x + view.w / 2, y: view.y + view.h / 2 }
  const distances = new Map<string, number>()
  for (const shape of shapes.values()) {
    const { page, box } = place(shape)
    const inView =
      page === firstPage?.id &&
      box.x <= view.x + view.w + margin.x &&
      box.x + box.w >= view.x - margin.x &&
      box.y <= view.y + view.h + margin.y &&
      box.y + box.h >= view.y - margin.y
    if (inView) first.push(shape.id)
    else distances.set(shape.id, Math.hypot(box.x - centre.x, box.y - centre.y) + (page === firstPage?.id ? 0 : 1e9))
  }
  const rest = [...distances.keys()].sort((a, b) => distances.get(a)! - distances.get(b)!)
  return { first, rest }
}

/** Page and rough page box of each shape, memoised up the parent chain. */
function placer(shapes: Map<string, TLShape>) {
  const origins = new Map<string, { page: string; x: number; y: number }>()
  const origin = (shape: TLShape, depth = 0): { page: string; x: number; y: number } => {
    const known = origins.get(shape.id)
    if (known) return known
    const parent = shapes.get(shape.parentId)
    // A cycle or an absurd depth (a hostile doc) stops at the shape itself.
    const base = parent && depth < 100 ? origin(parent, depth + 1) : { page: shape.parentId, x: 0, y: 0 }
    const placed = { page: base.page, x: base.x + shape.x, y: base.y + shape.y }
    origins.set(shape.id, placed)
    return placed
  }
  return (shape: TLShape) => {
    const { page, x, y } = origin(shape)
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
    return { page, box: { x: x + minX, y: y + minY, w: Math.max(...xs) - minX, h: Math.max(...ys) - minY } }
  }
}
