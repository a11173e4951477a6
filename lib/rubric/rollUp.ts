import type { SessionLevel } from '../session/sessionConfig'
import type { Recommendation, RubricSheet } from './rubricSheet'
import { dimensionWeight, lldRubric } from './sessionRubric'
import { rubricDimensions } from './rubricContent'

/** The dimensions where a 4 counts most for a Strong Hire: depth, trade-offs, failure handling (LLD: concurrency). */
const STAFF_SIGNAL_DIMENSIONS = ['deep-dive', 'trade-offs', 'reliability', 'lld-concurrency']

/** The average score that meets the bar of each level (2 developing, 3 solid). */
const LEVEL_BAR: Record<SessionLevel, number> = { mid: 2, senior: 3, staff: 3 }

/** The suggested recommendation and why. */
export interface RollUp {
  recommendation: Recommendation | null
  /** Weighted mean of the scored dimensions (LLD concurrency counts double), null when none is scored. */
  average: number | null
  scored: number
  /** Plain-language reasons, for the rubric panel and the summary. */
  reasons: string[]
}

/**
 * Suggests an overall recommendation from the scores and red flags, using the
 * bands of the seed rubric made precise, relative to the target level:
 *
 * - **Strong No Hire**: three or more 1s, four or more 1s and red flags
 *   together, or an average a full point under the level's bar.
 * - **Strong Hire**: no 1s and no red flags, an average 0.3 over the
 *   bar (3s with several 4s), and at least three 4s, one of them on deep dive, trade-offs or
 *   reliability.
 * - **Hire**: no 1s, at most one red flag, an average within a quarter point
 *   of the bar (staff also needs two 4s).
 * - **No Hire** otherwise.
 *
 * No suggestion until at least half the rubric's dimensions are scored
 * (the reasons then say so). The interviewer makes the call; this is shown beside it.
 *
 * @example
 * ```ts
 * rollUp({ scores: { requirements: 3, estimation: 3 }, flags: [] }, 'senior').recommendation // null: 2 of 10 scored
 * ```
 */
export function rollUp(sheet: Pick<RubricSheet, 'scores' | 'flags'>, level: SessionLevel): RollUp {
  const entries = Object.entries(sheet.scores)
  if (entries.length === 0) return { recommendation: null, average: null, scored: 0, reasons: ['nothing scored yet'] }
  const total = entries.some(([id]) => id.startsWith('lld-')) ? lldRubric.length : rubricDimensions.length
  const values = entries.map(([, score]) => score)
  const weights = entries.map(([id]) => dimensionWeight(id))
  const average =
    entries.reduce((sum, [, score], i) => sum + score * weights[i]!, 0) / weights.reduce((a, b) => a + b, 0)
  const ones = values.filter((s) => s === 1).length
  const fours = entries.filter(([, s]) => s === 4)
  const flags = sheet.flags.length
  const bar = LEVEL_BAR[level]
  const reasons = [
    `average ${average.toFixed(1)} over ${entries.length} of ${total} dimensions, against a ${level} bar of ${bar}`,
  ]
  if (ones) reasons.push(`${ones} dimension${ones > 1 ? 's' : ''} at 1`)
  if (flags) reasons.push(`${flags} red flag${flags > 1 ? 's' : ''}`)
  if (fours.length) reasons.push(`${fours.length} at 4`)
  // One 3 is not a hire: a call on a few dimensions says more about which were scored than about the candidate.
  const needed = Math.ceil(total / 2)
  if (entries.length < needed) {
    reasons.push(`a suggestion needs at least ${needed} scored`)
    return { recommendation: null, average, scored: entries.length, reasons }
  }

  const signal = fours.some(([id]) => STAFF_SIGNAL_DIMENSIONS.includes(id))
  let recommendation: Recommendation
  if (ones >= 3 || ones + flags >= 4 || average < bar - 1) recommendation = 'strong-no-hire'
  else if (ones === 0 && flags === 0 && average >= bar + 0.3 && fours.length >= 3 && signal)
    recommendation = 'strong-hire'
  else if (ones === 0 && flags <= 1 && average >= bar - 0.25 && (level !== 'staff' || fours.length >= 2))
    recommendation = 'hire'
  else {
    recommendation = 'no-hire'
    if (level === 'staff' && ones === 0 && flags <= 1 && average >= bar - 0.25) reasons.push('staff needs two 4s')
  }
  return { recommendation, average, scored: entries.length, reasons }
}
