import type { PlannedPhase } from './sessionConfig'
import type { TimerEvent } from './timer'

/** A phase's start on the wall clock (server time), for the replay's scrubber. */
export interface PhaseMark {
  id: string
  label: string
  at: number
}

/**
 * When each phase began, in server time: the start, then every `next`.
 * Events that the clock ignores (anything after `end`, a `next` past the last
 * phase) add no mark.
 *
 * @example
 * ```ts
 * phaseMarks(PLAN_45, [{ type: 'start', at: t0 }, { type: 'next', at: t1 }]) // requirements at t0, estimation at t1
 * ```
 */
export function phaseMarks(plan: readonly PlannedPhase[], events: readonly TimerEvent[]): PhaseMark[] {
  const marks: PhaseMark[] = []
  let started = false
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    if (event.type === 'end') break
    if (event.type === 'start' && !started) started = true
    else if (event.type !== 'next' || !started) continue
    const phase = plan[marks.length]
    if (!phase) break
    marks.push({ id: phase.id, label: phase.label, at: event.at })
  }
  return marks
}

/**
 * The server time at which the session clock read `elapsedMs` (running time,
 * pauses excluded): how a rubric note, stamped with the session clock, finds
 * its moment in the replay. Null before a start; past the end, the end.
 */
export function wallTimeAt(events: readonly TimerEvent[], elapsedMs: number): number | null {
  let runningSince: number | null = null
  let elapsed = 0
  let last: number | null = null
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    if (event.type === 'start' && last === null) {
      runningSince = event.at
      last = event.at
      continue
    }
    if (last === null) continue
    if (runningSince !== null && (event.type === 'pause' || event.type === 'end')) {
      if (elapsed + (event.at - runningSince) >= elapsedMs) return runningSince + (elapsedMs - elapsed)
      elapsed += event.at - runningSince
      runningSince = null
      last = event.at
      if (event.type === 'end') return last
    } else if (runningSince === null && event.type === 'resume') {
      runningSince = event.at
    }
  }
  if (last === null) return null
  return runningSince !== null ? runningSince + (elapsedMs - elapsed) : last
}
