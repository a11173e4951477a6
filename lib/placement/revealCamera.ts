import { contains, expand, type Rect } from './rect'

/** tldraw's camera: a page point p shows at screen point (p + {x, y}) × z, relative to the viewport. */
export interface Camera {
  x: number
  y: number
  z: number
}

/** What {@link revealCamera} needs. */
export interface RevealOptions {
  camera: Camera
  /** What must end up in view, in page coordinates. */
  target: Rect
  /** The clear part of the viewport, in screen pixels relative to the viewport's top-left corner. */
  visible: Rect
  /** Screen pixels kept between the target and the edge of `visible`. */
  padding: number
  /** The camera's lowest zoom. */
  minZoom: number
  /**
   * What was in view before (page coordinates), kept in view too when that
   * costs at most halving the zoom; beyond that only `target` is shown.
   */
  keep?: Rect | null
}

/**
 * The camera that brings `target` fully into the clear part of the view with
 * as little movement as possible, or null when it is already there. If it
 * can, it keeps `keep` in view as well, so the user still sees where the new
 * work went relative to theirs.
 *
 * It never zooms in: when what must show fits at the current zoom the camera
 * only pans, just far enough; when it does not, it zooms out until it fits
 * (not below `minZoom`) and centres it.
 *
 * @example
 * ```ts
 * // A 400 px wide template placed just right of an 800 px view at 100 %:
 * revealCamera({ camera: { x: 0, y: 0, z: 1 }, target: { x: 700, y: 100, w: 400, h: 200 },
 *   visible: { x: 0, y: 0, w: 800, h: 600 }, padding: 16, minZoom: 0.1 })
 * // { x: -316, y: 0, z: 1 }: panned 316 px left, zoom unchanged
 * ```
 */
export function revealCamera({ camera, target, visible, padding, minZoom, keep }: RevealOptions): Camera | null {
  const room = expand(visible, -padding)
  if (contains(room, onScreen(target, camera))) return null
  const both = keep ? union(keep, target) : null
  if (both && fitZoom(both, room) >= camera.z / 2) return show(both, camera, room, minZoom)
  return show(target, camera, room, minZoom)
}

/** `rect` (page) on screen under `camera`. */
function onScreen(rect: Rect, { x, y, z }: Camera): Rect {
  return { x: (rect.x + x) * z, y: (rect.y + y) * z, w: rect.w * z, h: rect.h * z }
}

function fitZoom(rect: Rect, room: Rect): number {
  return Math.min(room.w / rect.w, room.h / rect.h)
}

/** Pans just enough to bring `rect` into `room` if it fits at this zoom; else zooms out to fit and centres it. */
function show(rect: Rect, camera: Camera, room: Rect, minZoom: number): Camera {
  const { z } = camera
  const fit = fitZoom(rect, room)
  if (fit >= z) {
    const now = onScreen(rect, camera)
    const dx = shift(now.x, now.w, room.x, room.w)
    const dy = shift(now.y, now.h, room.y, room.h)
    return { x: camera.x + dx / z, y: camera.y + dy / z, z }
  }
  const zoom = Math.max(fit, minZoom)
  return {
    x: (room.x + room.w / 2) / zoom - (rect.x + rect.w / 2),
    y: (room.y + room.h / 2) / zoom - (rect.y + rect.h / 2),
    z: zoom,
  }
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y }
}

/** How far a span [start, start + size) must move to lie inside [roomStart, roomStart + roomSize). */
function shift(start: number, size: number, roomStart: number, roomSize: number): number {
  if (start < roomStart) return roomStart - start
  if (start + size > roomStart + roomSize) return roomStart + roomSize - (start + size)
  return 0
}
