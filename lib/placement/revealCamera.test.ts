import { describe, expect, it } from 'vitest'
import { revealCamera, type RevealOptions } from './revealCamera'

const base: Omit<RevealOptions, 'target'> = {
  camera: { x: 0, y: 0, z: 1 },
  visible: { x: 0, y: 0, w: 800, h: 600 },
  padding: 16,
  minZoom: 0.1,
}

describe('revealCamera', () => {
  it('already in view: no move', () => {
    expect(revealCamera({ ...base, target: { x: 100, y: 100, w: 200, h: 76 } })).toBeNull()
  })

  it('fits at this zoom but sticks out: pans just enough, zoom unchanged', () => {
    expect(revealCamera({ ...base, target: { x: 700, y: 100, w: 400, h: 200 } })).toEqual({ x: -316, y: 0, z: 1 })
    expect(revealCamera({ ...base, target: { x: 100, y: -50, w: 200, h: 76 } })).toEqual({ x: 0, y: 66, z: 1 })
  })

  it('too big for the view: zooms out to fit and centres it in the clear area', () => {
    const target = { x: 0, y: 0, w: 1536, h: 400 }
    const camera = revealCamera({ ...base, visible: { x: 0, y: 50, w: 800, h: 500 }, target })!
    expect(camera.z).toBeCloseTo(0.5)
    // The target's centre lands on the clear area's centre.
    expect((768 + camera.x) * camera.z).toBeCloseTo(400)
    expect((200 + camera.y) * camera.z).toBeCloseTo(300)
  })

  it('never zooms in past the current zoom, even when the target is small', () => {
    const camera = revealCamera({ ...base, camera: { x: 0, y: 0, z: 0.5 }, target: { x: 2000, y: 0, w: 200, h: 76 } })!
    expect(camera.z).toBe(0.5)
  })

  it('does not zoom out below the minimum', () => {
    const camera = revealCamera({ ...base, target: { x: 0, y: 0, w: 100_000, h: 100 } })!
    expect(camera.z).toBe(0.1)
  })

  it('keeps what was in view too, zooming out a little rather than panning it away', () => {
    const keep = { x: 0, y: 100, w: 700, h: 300 }
    const camera = revealCamera({ ...base, keep, target: { x: 780, y: 100, w: 200, h: 76 } })!
    expect(camera.z).toBeLessThan(1)
    expect(camera.z).toBeGreaterThan(0.5)
    const left = (0 + camera.x) * camera.z
    const right = (980 + camera.x) * camera.z
    expect(left).toBeGreaterThanOrEqual(16 - 1e-9)
    expect(right).toBeLessThanOrEqual(784 + 1e-9)
  })

  it('gives up on keeping the old view when that would more than halve the zoom', () => {
    const keep = { x: 0, y: 0, w: 700, h: 500 }
    const camera = revealCamera({ ...base, keep, target: { x: 3000, y: 0, w: 200, h: 76 } })!
    expect(camera.z).toBe(1)
  })
})
