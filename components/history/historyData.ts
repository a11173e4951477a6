import type { SessionRecord } from '@/server/sessions/SessionStore'
import { capitalize, formatDateTime, recommendationLabel } from '../summary/summaryData'

/** One point of the history chart: a scored session. */
export interface HistoryPoint {
  roomId: string
  /** Short date for the x axis, e.g. "12 Mar". */
  date: string
  title: string
  /** Average score, 1–4, to two decimals. */
  average: number
}

/** One row of the sessions table. */
export interface HistoryRow {
  roomId: string
  date: string
  title: string
  mode: string
  level: string
  /** The recommendation's label, or why there is none. */
  recommendation: string
  /** Average score to one decimal, or null when unscored or hidden. */
  average: string | null
  href: string
}

/** Mean of the scored dimensions, or null when none is scored (or the scores are hidden). */
export function averageScore(scores: Record<string, number>): number | null {
  const values = Object.values(scores)
  if (values.length === 0) return null
  return values.reduce((a, b) => a + b, 0) / values.length
}

// Dates say UTC outright: this renders on the server (see summaryData).
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

/**
 * The chart's points, oldest first: one per session whose scores the user may
 * see. Hidden scores arrive as `{}` from `listForUser`, so they never plot.
 */
export function historyPoints(records: readonly SessionRecord[]): HistoryPoint[] {
  return [...records]
    .sort((a, b) => a.startedAt - b.startedAt)
    .flatMap((r) => {
      const average = averageScore(r.scores)
      if (average === null) return []
      return [{ roomId: r.roomId, date: shortDate.format(r.startedAt), title: r.title, average: round(average, 2) }]
    })
}

/**
 * The table's rows, in the order given (newest first). `userId` tells hidden
 * scores (the interviewer has not shared them) from sessions nobody scored.
 */
export function historyRows(records: readonly SessionRecord[], userId: string): HistoryRow[] {
  return records.map((r) => {
    const average = averageScore(r.scores)
    const hidden = !r.scoresShared && r.startedBy !== userId
    return {
      roomId: r.roomId,
      date: formatDateTime(r.startedAt),
      title: r.title,
      mode: capitalize(r.mode),
      level: capitalize(r.level),
      recommendation: recommendationLabel(r.recommendation) ?? (hidden ? 'Not shared yet' : 'Not scored'),
      average: average === null ? null : average.toFixed(1),
      href: `/r/${encodeURIComponent(r.roomId)}/summary`,
    }
  })
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}
