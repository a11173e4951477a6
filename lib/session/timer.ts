import { z } from 'zod'
import type { PlannedPhase } from './sessionConfig'

/**
 * What happened to a session's clock, stamped with server time (ms since the
 * epoch). Only the server writes these; clients compute the clock from them.
 */
export const timerEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), at: z.number() }),
  z.object({ type: z.literal('pause'), at: z.number() }),
  z.object({ type: z.literal('resume'), at: z.number() }),
  z.object({ type: z.literal('next'), at: z.number() }),
  z.object({ type: z.literal('extend'), at: z.number(), minutes: z.number().int().min(1).max(60) }),
  z.object({ type: z.literal('end'), at: z.number() }),
])

/** One clock event. */
export type TimerEvent = z.infer<typeof timerEventSchema>

/** Timing of one phase, planned against actual. */
export interface PhaseTiming {
  id: string
  label: string
  /** Planned length including extensions. */
  plannedMs: number
  /** The part of `plannedMs` that extensions added during the session. */
  extendedMs: number
  /** Time spent in it so far (running time only, pauses excluded). */
  actualMs: number
  /** How far past its plan the phase ran (0 when within plan). */
  overrunMs: number
  status: 'done' | 'current' | 'upcoming'
}

/** The clock as everyone in the room sees it at one moment. */
export interface TimerView {
  status: 'not-started' | 'running' | 'paused' | 'ended'
  /** Index of the current phase (the last phase once ended). */
  phaseIndex: number
  /** Planned minus spent for the current phase; negative while it overruns. */
  phaseRemainingMs: number
  /** Running time since the start, pauses excluded. */
  elapsedMs: number
  /** Planned length of the whole session including extensions. */
  totalPlannedMs: number
  totalRemainingMs: number
  phases: PhaseTiming[]
}

const MINUTE = 60_000

/**
 * Computes the session clock from its plan and events at `now` (server time).
 * A pure function: every client runs it with its estimate of server time, so
 * all screens agree, and a reload or a server restart changes nothing.
 *
 * Phases do not advance by themselves: when one runs past its plan it shows
 * an overrun until the interviewer moves on (`next`). Events that make no
 * sense in the current state (a pause while paused, anything after `end`)
 * are ignored; events are taken in time order.
 *
 * @example
 * ```ts
 * const view = computeTimer(PLAN_45, [{ type: 'start', at: t0 }], t0 + 6 * 60_000)
 * view.phaseIndex // 0: still on requirements…
 * view.phaseRemainingMs // -60_000: …one minute over
 * ```
 */
export function computeTimer(plan: readonly PlannedPhase[], events: readonly TimerEvent[], now: number): TimerView {
  const phases: PhaseTiming[] = plan.map((p) => ({
    id: p.id,
    label: p.label,
    plannedMs: p.minutes * MINUTE,
    extendedMs: 0,
    actualMs: 0,
    overrunMs: 0,
    status: 'upcoming',
  }))
  let status: TimerView['status'] = 'not-started'
  let index = 0
  let since = 0
  const spend = (until: number) => {
    const phase = phases[index]
    if (status === 'running' && phase) phase.actualMs += Math.max(0, until - since)
    since = Math.max(since, until)
  }

  const ordered = [...events].sort((a, b) => a.at - b.at)
  for (const event of ordered) {
    if (status === 'ended' || event.at > now) break
    if (status === 'not-started') {
      if (event.type === 'start') {
        status = 'running'
        since = event.at
      }
      continue
    }
    spend(event.at)
    switch (event.type) {
      case 'pause':
        if (status === 'running') status = 'paused'
        break
      case 'resume':
        if (status === 'paused') status = 'running'
        break
      case 'next':
        if (index < phases.length - 1) index++
        else status = 'ended'
        break
      case 'extend':
        phases[index]!.plannedMs += event.minutes * MINUTE
        phases[index]!.extendedMs += event.minutes * MINUTE
        break
      case 'end':
        status = 'ended'
        break
    }
  }
  if (status === 'running') spend(now)

  for (const [i, phase] of phases.entries()) {
    phase.overrunMs = Math.max(0, phase.actualMs - phase.plannedMs)
    phase.status =
      status === 'not-started'
        ? 'upcoming'
        : i < index || status === 'ended'
          ? 'done'
          : i === index
            ? 'current'
            : 'upcoming'
  }
  const current = phases[index]
  const elapsedMs = phases.reduce((sum, p) => sum + p.actualMs, 0)
  const totalPlannedMs = phases.reduce((sum, p) => sum + p.plannedMs, 0)
  return {
    status,
    phaseIndex: index,
    phaseRemainingMs: current ? current.plannedMs - current.actualMs : 0,
    elapsedMs,
    totalPlannedMs,
    totalRemainingMs: totalPlannedMs - elapsedMs,
    phases,
  }
}

/** Formats milliseconds as `m:ss` (or `-m:ss` when negative), rounding towards the display's next tick. */
export function formatClock(ms: number): string {
  const negative = ms < 0
  const totalSeconds = Math.floor(Math.abs(ms) / 1000)
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  return `${negative ? '-' : ''}${minutes}:${String(seconds).padStart(2, '0')}`
}
