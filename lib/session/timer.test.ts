import { describe, expect, it } from 'vitest'
import { PLAN_45 } from './sessionConfig'
import { computeTimer, formatClock, type TimerEvent } from './timer'

const MIN = 60_000
const T0 = 1_800_000_000_000
const at = (minutes: number) => T0 + minutes * MIN

describe('computeTimer', () => {
  it('before the start nothing runs and every phase is upcoming', () => {
    const view = computeTimer(PLAN_45, [], at(10))
    expect(view.status).toBe('not-started')
    expect(view.elapsedMs).toBe(0)
    expect(view.totalRemainingMs).toBe(45 * MIN)
    expect(view.phases.every((p) => p.status === 'upcoming')).toBe(true)
  })

  it('counts down the current phase and the total from the start', () => {
    const view = computeTimer(PLAN_45, [{ type: 'start', at: at(0) }], at(3))
    expect(view).toMatchObject({ status: 'running', phaseIndex: 0, phaseRemainingMs: 2 * MIN, elapsedMs: 3 * MIN })
    expect(view.totalRemainingMs).toBe(42 * MIN)
  })

  it('a phase past its plan stays current and shows its overrun until the interviewer moves on', () => {
    const view = computeTimer(PLAN_45, [{ type: 'start', at: at(0) }], at(7))
    expect(view.phaseIndex).toBe(0)
    expect(view.phaseRemainingMs).toBe(-2 * MIN)
    expect(view.phases[0]!.overrunMs).toBe(2 * MIN)
  })

  it('next moves to the following phase; the overrun stays on record for the summary', () => {
    const events: TimerEvent[] = [
      { type: 'start', at: at(0) },
      { type: 'next', at: at(7) },
    ]
    const view = computeTimer(PLAN_45, events, at(8))
    expect(view.phaseIndex).toBe(1)
    expect(view.phaseRemainingMs).toBe(4 * MIN)
    expect(view.phases[0]).toMatchObject({ status: 'done', actualMs: 7 * MIN, overrunMs: 2 * MIN })
    expect(view.phases[1]).toMatchObject({ status: 'current', actualMs: 1 * MIN })
  })

  it('a pause stops both clocks; resume carries on where it stopped', () => {
    const events: TimerEvent[] = [
      { type: 'start', at: at(0) },
      { type: 'pause', at: at(2) },
      { type: 'resume', at: at(12) },
    ]
    expect(computeTimer(PLAN_45, events.slice(0, 2), at(11))).toMatchObject({ status: 'paused', elapsedMs: 2 * MIN })
    expect(computeTimer(PLAN_45, events, at(13))).toMatchObject({
      status: 'running',
      elapsedMs: 3 * MIN,
      phaseRemainingMs: 2 * MIN,
    })
  })

  it('extend adds minutes to the current phase and to the total', () => {
    const events: TimerEvent[] = [
      { type: 'start', at: at(0) },
      { type: 'extend', at: at(4), minutes: 3 },
    ]
    const view = computeTimer(PLAN_45, events, at(6))
    expect(view.phaseRemainingMs).toBe(2 * MIN)
    expect(view.totalPlannedMs).toBe(48 * MIN)
    expect(view.phases[0]!.overrunMs).toBe(0)
  })

  it('skipping through every phase ends the session; nothing runs after the end', () => {
    const events: TimerEvent[] = [
      { type: 'start', at: at(0) },
      ...PLAN_45.map((_, i) => ({ type: 'next', at: at(i + 1) }) as const),
    ]
    const view = computeTimer(PLAN_45, events, at(100))
    expect(view.status).toBe('ended')
    expect(view.elapsedMs).toBe(PLAN_45.length * MIN)
    expect(view.phases.every((p) => p.status === 'done')).toBe(true)
  })

  it('end stops the clock at once; later events change nothing', () => {
    const events: TimerEvent[] = [
      { type: 'start', at: at(0) },
      { type: 'end', at: at(20) },
      { type: 'resume', at: at(21) },
      { type: 'next', at: at(22) },
    ]
    const view = computeTimer(PLAN_45, events, at(30))
    expect(view).toMatchObject({ status: 'ended', elapsedMs: 20 * MIN, phaseIndex: 0 })
  })

  it('nonsense in the event list is ignored: a pause while paused, a resume while running, events out of order', () => {
    const events: TimerEvent[] = [
      { type: 'resume', at: at(1) },
      { type: 'pause', at: at(4) },
      { type: 'start', at: at(0) },
      { type: 'pause', at: at(5) },
    ]
    expect(computeTimer(PLAN_45, events, at(10))).toMatchObject({ status: 'paused', elapsedMs: 4 * MIN })
  })

  it('an event stamped after now (a client a little behind the server) is not applied yet', () => {
    const events: TimerEvent[] = [
      { type: 'start', at: at(0) },
      { type: 'pause', at: at(5) },
    ]
    expect(computeTimer(PLAN_45, events, at(4))).toMatchObject({ status: 'running', elapsedMs: 4 * MIN })
  })
})

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [59_999, '0:59'],
    [5 * MIN, '5:00'],
    [-90_000, '-1:30'],
    [62 * MIN + 5_000, '62:05'],
  ])('%i ms → %s', (ms, text) => expect(formatClock(ms)).toBe(text))
})
