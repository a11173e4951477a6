import { contains, expand, overlaps, type Rect } from './rect'

/** What {@link findFreeSpot} needs. All values in one coordinate space (the board's page coordinates). */
export interface FreeSpotOptions {
  /** Size of what is being placed. */
  size: { w: number; h: number }
  /** Where it would ideally go (its centre): the middle of the visible canvas. */
  center: { x: number; y: number }
  /** The visible canvas: spots entirely inside it are preferred to any spot outside, however near. */
  area: Rect
  /** What must not be covered: the bounds of the shapes already on the board. */
  obstacles: readonly Rect[]
  /** Clear space kept between the placed rectangle and every obstacle. */
  gap: number
  /** Distance between two candidate spots; smaller is finer and slower. */
  step: number
  /** How many steps out from the centre to look before giving up and going below everything. Default 60. */
  maxRings?: number
}

/**
 * Where to put a `size` rectangle so that it covers nothing: the free spot
 * nearest `center` on a grid of `step`, searched outward from the centre
 * (nearest first). Spots entirely inside `area` come first; if none is free,
 * the nearest free spot anywhere; if the whole search radius is taken, just
 * below the lowest obstacle. Pure: no editor, no DOM.
 *
 * @returns the placed rectangle (its top-left corner and `size`).
 *
 * @example
 * ```ts
 * findFreeSpot({ size: { w: 200, h: 76 }, center: { x: 0, y: 0 }, area, obstacles: [], gap: 24, step: 20 })
 * // { x: -100, y: -38, w: 200, h: 76 }
 * ```
 */
export function findFreeSpot({ size, center, area, obstacles, gap, step, maxRings = 60 }: FreeSpotOptions): Rect {
  const at = ([i, j]: Offset): Rect => ({
    x: center.x - size.w / 2 + i * step,
    y: center.y - size.h / 2 + j * step,
    ...size,
  })
  const isFree = (spot: Rect) => {
    const padded = expand(spot, gap)
    return !obstacles.some((obstacle) => overlaps(padded, obstacle))
  }
  const offsets = spiralOffsets(maxRings)
  // Beyond this many steps from the centre no spot can lie inside the area.
  const areaReach = Math.hypot(area.w, area.h) / step
  for (const offset of offsets) {
    if (offset[2] > areaReach) break
    const spot = at(offset)
    if (contains(area, spot) && isFree(spot)) return spot
  }
  for (const offset of offsets) {
    const spot = at(offset)
    if (isFree(spot)) return spot
  }
  const lowest = Math.max(...obstacles.map((o) => o.y + o.h))
  return { x: center.x - size.w / 2, y: lowest + gap, ...size }
}

/** A grid offset [i, j] and its distance from the centre. */
type Offset = readonly [number, number, number]

const spirals = new Map<number, Offset[]>()

/**
 * Every grid offset within `rings` steps, nearest first; at equal distance a
 * sideways step before a vertical one (diagrams read left to right), and
 * right before left, down before up.
 */
function spiralOffsets(rings: number): Offset[] {
  let offsets = spirals.get(rings)
  if (!offsets) {
    offsets = []
    for (let i = -rings; i <= rings; i++)
      for (let j = -rings; j <= rings; j++) offsets.push([i, j, Math.hypot(i, j)] as const)
    offsets.sort((a, b) => a[2] - b[2] || Math.abs(a[1]) - Math.abs(b[1]) || b[0] - a[0] || b[1] - a[1])
    spirals.set(rings, offsets)
  }
  return offsets
}
