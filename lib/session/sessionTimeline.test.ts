import { describe, expect, it } from 'vitest'
import { PLAN_45 } from './sessionConfig'
import { phaseMarks, wallTimeAt } from './sessionTimeline'
import type { TimerEvent } from './timer'

const MIN = 60_000
const T0 = 1_900_000_000_000
const at = (m: number) => T0 + m * MIN

describe('phaseMarks', () => {
  it('marks the start and each next with the phase that began', () => {
    const events: TimerEvent[] = [
      { type: 'start', at: at(0) },
      { type: 'pause', at: at(2) },
      { type: 'resume', at: at(3) },
      { type: 'next', at: at(6) },
      { type: 'next', at: at(11) },
    ]
    expect(phaseMarks(PLAN_45, events)).toEqual([
      { id: 'requirements', label: 'Requirements', at: at(0) },
      { id: 'estimation', label: 'Estimation', at: at(6) },
      { id: 'api-data-model', label: 'API & data model', at: at(11) },
    ])
  })

  it('adds nothing after the end or before the start', () => {
    const events: TimerEvent[] = [
      { type: 'next', at: at(-1) },
      { type: 'start', at: at(0) },
      { type: 'end', at: at(5) },
      { type: 'next', at: at(6) },
    ]
    expect(phaseMarks(PLAN_45, events).map((m) => m.id)).toEqual(['requirements'])
  })
})

describe('wallTimeAt', () => {
  const events: TimerEvent[] = [
    { type: 'start', at: at(0) },
    { type: 'pause', at: at(10) },
    { type: 'resume', at: at(15) },
    { type: 'end', at: at(40) },
  ]
  it.each([
    [0, at(0)],
    [5 * MIN, at(5)],
    [10 * MIN, at(10)],
    // Twelve running minutes in: ten before the pause, two after the resume at 15.
    [12 * MIN, at(17)],
    [35 * MIN, at(40)],
    [99 * MIN, at(40)],
  ])('session clock %i ms was server time %i', (elapsed, wall) => {
    expect(wallTimeAt(events, elapsed)).toBe(wall)
  })

  it('is null before the session started, and runs on while it runs', () => {
    expect(wallTimeAt([], 1000)).toBeNull()
    expect(wallTimeAt([{ type: 'start', at: at(0) }], 3 * MIN)).toBe(at(3))
  })
})
