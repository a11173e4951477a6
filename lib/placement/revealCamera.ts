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
}

/**
 * The camera that brings `target` fully into the clear part of the view with
 * as little movement as possible, or null when it is already there.
 *
 * It never zooms in: when the target fits at the current zoom the camera only
 * pans, just far enough; when it does not, it zooms out until it fits (not
 * below `minZoom`) and centres it.
 *
 * @example
 * ```ts
 * // A 400 px wide template placed just right of an 800 px view at 100 %:
 * revealCamera({ camera: { x: 0, y: 0, z: 1 }, target: { x: 700, y: 100, w: 400, h: 200 },
 *   visible: { x: 0, y: 0, w: 800, h: 600 }, padding: 16, minZoom: 0.1 })
 * // { x: -316, y: 0, z: 1 }: panned 316 px left, zoom unchanged
 * ```
 */
export function revealCamera({ camera, target, visible, padding, minZoom }: RevealOptions): Camera | null {
  const { z } = camera
  const onScreen = (zoom: number, cam: Camera): Rect => ({
    x: (target.x + cam.x) * zoom,
    y: (target.y + cam.y) * zoom,
    w: target.w * zoom,
    h: target.h * zoom,
  })
  const room = expand(visible, -padding)
  if (contains(room, onScreen(z, camera))) return null

  const fit = Math.min(room.w / target.w, room.h / target.h)
  if (fit >= z) {
    // It fits as it is: pan just enough on each axis.
    const now = onScreen(z, camera)
    const dx = shift(now.x, now.w, room.x, room.w)
    const dy = shift(now.y, now.h, room.y, room.h)
    return { x: camera.x + dx / z, y: camera.y + dy / z, z }
  }
  const zoom = Math.max(fit, minZoom)
  const centre = { x: room.x + room.w / 2, y: room.y + room.h / 2 }
  return {
    x: centre.x / zoom - (target.x + target.w / 2),
    y: centre.y / zoom - (target.y + target.h / 2),
    z: zoom,
  }
}

/** How far a span [start, start + size) must move to lie inside [roomStart, roomStart + roomSize). */
function shift(start: number, size: number, roomStart: number, roomSize: number): number {
  if (start < roomStart) return roomStart - start
  if (start + size > roomStart + roomSize) return roomStart + roomSize - (start + size)
  return 0
}
