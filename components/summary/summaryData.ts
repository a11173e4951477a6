import { rubricDimensions, redFlags } from '@/lib/rubric/rubricContent'
import { rollUp } from '@/lib/rubric/rollUp'
import { recommendations, type Recommendation, type RubricNote, type RubricSheet } from '@/lib/rubric/rubricSheet'
import type { RubricDimension } from '@/lib/rubric/rubricSchema'
import type { PlannedPhase, SessionLevel } from '@/lib/session/sessionConfig'
import { computeTimer, formatClock, type TimerEvent } from '@/lib/session/timer'
import type { BoardSnapshot } from '@/lib/board/boardSnapshot'
import type { SessionView } from '@/lib/session/sessionView'
import type { Role } from '@/lib/access/roles'

/** What each score means, indexed by score − 1 (as on the rubric panel). */
export const SCORE_MEANINGS = ['not yet', 'developing', 'solid', 'strong'] as const

/** One rubric dimension on the scores chart; `score` is null when not scored. */
export interface ScoreRow {
  id: string
  name: string
  score: number | null
  meaning: string | null
}

/** One phase on the timing chart and table, in minutes (one decimal). */
export interface TimingRow {
  id: string
  label: string
  /** Planned minutes, extensions included. */
  plannedMin: number
  /** The part of `plannedMin` the interviewer added during the session (+2, +5). */
  extendedMin: number
  actualMin: number
  overrunMin: number
}

/** The overall call shown beside the chart. */
export interface RecommendationView {
  /** Null when the interviewer chose none and too little is scored for a suggestion (the reasons say so). */
  label: string | null
  /** True when the interviewer chose none and this is the roll-up's suggestion. */
  suggested: boolean
  /** The roll-up's reasons (average against the bar, 1s, flags, 4s). */
  reasons: string[]
}

/** A note as the summary lists it, with its session clock as `m:ss`. */
export interface NoteRow {
  id: string
  /** Session clock (ms) of the note: the replay opens there (`?clock=`). */
  at: number
  clock: string
  text: string
  by: string
}

const MINUTE = 60_000

/** Milliseconds to minutes, rounded to one decimal so the chart and table agree. */
export function toMinutes(ms: number): number {
  return Math.round(ms / (MINUTE / 10)) / 10
}

/** The rubric's dimensions (the ten HLD ones unless given) in order, with the sheet's score where there is one. */
export function scoreRows(
  sheet: RubricSheet | null,
  dimensions: readonly RubricDimension[] = rubricDimensions
): ScoreRow[] {
  return dimensions.map(({ id, name }) => {
    const score = sheet?.scores[id] ?? null
    return { id, name, score, meaning: score === null ? null : (SCORE_MEANINGS[score - 1] ?? null) }
  })
}

/** The label of a recommendation id (null stays null). */
export function recommendationLabel(id: Recommendation | null): string | null {
  return recommendations.find((r) => r.id === id)?.label ?? null
}

/**
 * The interviewer's recommendation, or (when they chose none) the roll-up's
 * suggestion for the level, marked as suggested; without a label when too
 * little is scored for one. Null when nothing is scored or chosen.
 */
export function recommendationView(sheet: RubricSheet, level: SessionLevel): RecommendationView | null {
  const suggestion = rollUp(sheet, level)
  const label = recommendationLabel(sheet.recommendation ?? suggestion.recommendation)
  if (!label && suggestion.scored === 0) return null
  return { label, suggested: sheet.recommendation === null, reasons: suggestion.reasons }
}

/** Labels of the raised red flags; an id the rubric no longer knows is shown as is. */
export function flagLabels(flags: readonly string[]): string[] {
  return flags.map((id) => redFlags.find((f) => f.id === id)?.label ?? id)
}

/** Planned against actual minutes per phase, from the clock events as of `now`. */
export function timingRows(plan: readonly PlannedPhase[], events: readonly TimerEvent[], now: number): TimingRow[] {
  return computeTimer(plan, events, now).phases.map((p) => ({
    id: p.id,
    label: p.label,
    plannedMin: toMinutes(p.plannedMs),
    extendedMin: toMinutes(p.extendedMs),
    actualMin: toMinutes(p.actualMs),
    overrunMin: toMinutes(p.overrunMs),
  }))
}

/** Notes in session-clock order (two interviewers' notes interleave as written). */
export function noteRows(notes: readonly RubricNote[]): NoteRow[] {
  return [...notes]
    .sort((a, b) => a.at - b.at)
    .map((n) => ({ id: n.id, at: Math.round(n.at), clock: formatClock(n.at), text: n.text, by: n.by }))
}

/** The session's title: the problem's, the record's, or "Custom prompt". */
export function sessionTitle(view: Pick<SessionView, 'problem' | 'session'>): string {
  return view.problem?.title ?? view.session?.title ?? 'Custom prompt'
}

/**
 * What the summary says when the reader can read no sheet, by the part they
 * took in the session (not their role now: after a swap, the session's
 * candidate may be an interviewer on the board):
 * - its candidate waits for the interviewer to share;
 * - an interviewer of it did not score it, and nobody opened a sheet to them;
 * - anyone else (observers) never sees scores.
 */
export function noScoresMessage(heldRoles: readonly Role[]): string {
  if (heldRoles.includes('candidate')) return 'The interviewer has not shared the scores yet.'
  if (heldRoles.includes('interviewer'))
    return 'You did not score this session, and no co-interviewer opened a sheet to you.'
  return 'Scores stay private to the interviewers and, once shared, the candidate.'
}

/** Who took part and in which roles, e.g. "Olga (interviewer and candidate), Cid (candidate)". */
export function participantsLabel(participants: readonly { name: string; roles: readonly Role[] }[]): string {
  // Roles are the set each person held, not a sequence (a swap and a swap back list each once).
  return participants.map((p) => `${p.name} (${p.roles.join(' and ')})`).join(', ')
}

/** Whether the board has anything to draw (tldraw renders no image for an empty page). */
export function boardHasShapes(snapshot: BoardSnapshot | null): snapshot is BoardSnapshot {
  return !!snapshot && Object.values(snapshot.store).some((r) => r.typeName === 'shape')
}

/** "pair" → "Pair", "senior" → "Senior". */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
