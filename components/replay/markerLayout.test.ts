import { describe, expect, it } from 'vitest'
import { placeLabelledMarkers, trackPercent } from './markerLayout'

describe('trackPercent', () => {
  it('clamps times outside the track to its ends', () => {
    expect(trackPercent(-5, 0, 100)).toBe(0)
    expect(trackPercent(50, 0, 100)).toBe(50)
    expect(trackPercent(150, 0, 100)).toBe(100)
  })
})

describe('placeLabelledMarkers', () => {
  it('lets each label reach the next marker on its right, and the rightmost run free', () => {
    expect(placeLabelledMarkers([0, 10, 60], 0, 100)).toEqual([
      { leftPct: 0, maxWidthPct: 10 },
      { leftPct: 10, maxWidthPct: 50 },
      { leftPct: 60, maxWidthPct: null },
    ])
  })

  it('bounds a label by the nearest marker on its right whatever order the markers come in', () => {
    // The session's end marker comes last but may sit before a phase given earlier.
    const [phaseA, phaseB, endMark] = placeLabelledMarkers([0, 90, 80], 0, 100).map((p) => p.maxWidthPct)
    expect(phaseA).toBe(80)
    expect(endMark).toBe(10)
    expect(phaseB).toBeNull()
  })

  it('gives no room to all but the last of markers at the same spot, so their labels never overlap', () => {
    expect(placeLabelledMarkers([30, 30, 30], 0, 100).map((p) => p.maxWidthPct)).toEqual([0, 0, null])
  })

  it('never returns a negative width, even for times outside the track', () => {
    const placements = placeLabelledMarkers([-20, -10, 120, 200], 0, 100)
    expect(placements.every((p) => p.maxWidthPct === null || p.maxWidthPct >= 0)).toBe(true)
    expect(placements.map((p) => p.leftPct)).toEqual([0, 0, 100, 100])
  })
})
