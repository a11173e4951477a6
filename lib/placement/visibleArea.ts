import type { Rect } from './rect'

/**
 * The part of `viewport` that the `overlays` drawn over it (menus, style
 * panel, toolbar: anything floating on the canvas) leave clear. Each overlay
 * is taken off the edge where that costs the least area: a wide, short
 * toolbar off the bottom, a tall, narrow style panel off the right. If that
 * would leave less than `minFraction` of either dimension, the overlays are
 * ignored and the whole viewport is returned.
 *
 * @example
 * ```ts
 * unobstructedArea({ x: 0, y: 0, w: 800, h: 600 }, [{ x: 200, y: 544, w: 400, h: 56 }])
 * // { x: 0, y: 0, w: 800, h: 544 }
 * ```
 */
export function unobstructedArea(viewport: Rect, overlays: readonly Rect[], minFraction = 0.4): Rect {
  const right = viewport.x + viewport.w
  const bottom = viewport.y + viewport.h
  const inset = { top: 0, right: 0, bottom: 0, left: 0 }
  for (const o of overlays) {
    const x0 = Math.max(o.x, viewport.x)
    const y0 = Math.max(o.y, viewport.y)
    const x1 = Math.min(o.x + o.w, right)
    const y1 = Math.min(o.y + o.h, bottom)
    if (x1 <= x0 || y1 <= y0) continue
    const options = [
      { edge: 'top', depth: y1 - viewport.y, cost: (y1 - viewport.y) * viewport.w },
      { edge: 'bottom', depth: bottom - y0, cost: (bottom - y0) * viewport.w },
      { edge: 'left', depth: x1 - viewport.x, cost: (x1 - viewport.x) * viewport.h },
      { edge: 'right', depth: right - x0, cost: (right - x0) * viewport.h },
    ] as const
    const cheapest = options.reduce((a, b) => (b.cost < a.cost ? b : a))
    inset[cheapest.edge] = Math.max(inset[cheapest.edge], cheapest.depth)
  }
  const area = {
    x: viewport.x + inset.left,
    y: viewport.y + inset.top,
    w: viewport.w - inset.left - inset.right,
    h: viewport.h - inset.top - inset.bottom,
  }
  if (area.w < viewport.w * minFraction || area.h < viewport.h * minFraction) return viewport
  return area
}
