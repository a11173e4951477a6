import type { Rect } from './rect'

/**
 * Groups rectangles that are linked (e.g. blocks and the arrows bound to
 * them) and returns one bounding rectangle per group; unlinked rectangles
 * come back as they are. Placing against these keeps new work out of the
 * gaps inside an existing diagram, such as a template's empty grid cells.
 *
 * @param rects - the rectangles, by id.
 * @param links - pairs of ids that belong together; ids not in `rects` are ignored.
 *
 * @example
 * ```ts
 * clusterBounds(new Map([['a', a], ['b', b], ['c', c]]), [['a', 'b']]) // [bounds of a and b, c]
 * ```
 */
export function clusterBounds<Id>(rects: ReadonlyMap<Id, Rect>, links: Iterable<readonly [Id, Id]>): Rect[] {
  const parent = new Map<Id, Id>([...rects.keys()].map((id) => [id, id]))
  const root = (id: Id): Id => {
    let r = id
    while (parent.get(r) !== r) r = parent.get(r)!
    parent.set(id, r)
    return r
  }
  for (const [a, b] of links) if (parent.has(a) && parent.has(b)) parent.set(root(a), root(b))
  const groups = new Map<Id, Rect>()
  for (const [id, rect] of rects) {
    const key = root(id)
    const seen = groups.get(key)
    groups.set(key, seen ? union(seen, rect) : rect)
  }
  return [...groups.values()]
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y }
}
