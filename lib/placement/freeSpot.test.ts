import { describe, expect, it } from 'vitest'
import { findFreeSpot, type FreeSpotOptions } from './freeSpot'
import { contains, overlaps, type Rect } from './rect'

const area: Rect = { x: -400, y: -300, w: 800, h: 600 }
const block = { w: 200, h: 76 }
const base: FreeSpotOptions = { size: block, center: { x: 0, y: 0 }, area, obstacles: [], gap: 24, step: 20 }

describe('findFreeSpot', () => {
  it('an empty board: dead centre', () => {
    expect(findFreeSpot(base)).toEqual({ x: -100, y: -38, w: 200, h: 76 })
  })

  it('something in the middle: the nearest free spot beside it, clear by the gap, still in the area', () => {
    const obstacles = [{ x: -100, y: -38, w: 200, h: 76 }]
    const spot = findFreeSpot({ ...base, obstacles })
    expect(overlaps({ x: spot.x - 24, y: spot.y - 24, w: spot.w + 48, h: spot.h + 48 }, obstacles[0]!)).toBe(false)
    expect(contains(area, spot)).toBe(true)
    // Nearest: straight below or above (a vertical move of 100 beats a sideways one of 220).
    expect(spot.x).toBe(-100)
    expect(Math.abs(spot.y + 38)).toBeLessThanOrEqual(100)
  })

  it('places a burst of blocks one after another without any two overlapping, all inside the area', () => {
    const placed: Rect[] = []
    for (let n = 0; n < 8; n++) placed.push(findFreeSpot({ ...base, obstacles: placed }))
    for (const [i, a] of placed.entries()) {
      expect(contains(area, a)).toBe(true)
      for (const b of placed.slice(i + 1)) expect(overlaps(a, b)).toBe(false)
    }
  })

  it('a spot inside the visible area beats a nearer one outside it', () => {
    // The centre sits near the area's right edge; free space right of it is off screen.
    const obstacles = [{ x: 80, y: -38, w: 200, h: 76 }]
    const spot = findFreeSpot({ ...base, center: { x: 180, y: 0 }, obstacles })
    expect(contains(area, spot)).toBe(true)
  })

  it('too big for the area (a wide template): the nearest free spot outside it', () => {
    const wide = { w: 1200, h: 400 }
    const spot = findFreeSpot({ ...base, size: wide })
    expect(spot).toEqual({ x: -600, y: -200, w: 1200, h: 400 })
  })

  it('a full area: just outside it, the nearest free place', () => {
    const obstacles = [area]
    const spot = findFreeSpot({ ...base, obstacles })
    expect(overlaps(spot, area)).toBe(false)
    // Nearest free: above or below the area (300 + gap + half a block away), not beside it (400 + …).
    expect(spot.x).toBe(-100)
  })

  it('nothing free within the search radius: below the lowest shape', () => {
    const huge = { x: -10_000, y: -10_000, w: 20_000, h: 20_000 }
    expect(findFreeSpot({ ...base, obstacles: [huge], maxRings: 5 })).toEqual({ x: -100, y: 10_024, w: 200, h: 76 })
  })

  it('stays fast on a crowded board', () => {
    const obstacles: Rect[] = []
    for (let i = -10; i < 10; i++)
      for (let j = -10; j < 10; j++) obstacles.push({ x: i * 230, y: j * 100, w: 200, h: 76 })
    const started = performance.now()
    const spot = findFreeSpot({ ...base, obstacles })
    expect(performance.now() - started).toBeLessThan(500)
    for (const o of obstacles) expect(overlaps(spot, o)).toBe(false)
  })
})
