import type { RubricSheet } from '@/lib/rubric/rubricSheet'
import type { HistoryEntry } from '@/lib/session/sessionView'
import { capitalize, recommendationLabel } from '../summary/summaryData'

/** One point of the history chart: a session with a score received or given by the user. */
export interface HistoryPoint {
  sessionId: string
  /** When it started (ms since the epoch); the chart writes the day in the reader's zone. */
  startedAt: number
  title: string
  /** Average score the user received as a candidate (the interviewer's shared copy), 1–4, two decimals. */
  received: number | null
  /** Average score the user gave as interviewer. */
  given: number | null
  /** Average of the user's own score in solo practice: plotted apart, since it is nobody else's judgement. */
  self: number | null
}

/** One row of the sessions table. */
export interface HistoryRow {
  sessionId: string
  /** When it started (ms since the epoch); the table writes it in the reader's zone. */
  startedAt: number
  title: string
  /** The user's role(s) in it, e.g. "Interviewer", "Candidate → Interviewer", "Solo". */
  role: string
  mode: string
  level: string
  /** The recommendation's label, or why there is none. */
  recommendation: string
  /** Average score to one decimal, or null when unscored or not shared. */
  average: string | null
  href: string
}

/** Mean of the scored dimensions, or null when none is scored. */
export function averageScore(scores: Record<string, number>): number | null {
  const values = Object.values(scores)
  if (values.length === 0) return null
  return values.reduce((a, b) => a + b, 0) / values.length
}

/** The first copy an interviewer shared with the user as the candidate (pair sessions only). */
function sharedSheet(entry: HistoryEntry): RubricSheet | null {
  return entry.session.mode === 'pair' ? (entry.received[0] ?? null) : null
}

/** The user's own score of their solo practice. */
function selfSheet(entry: HistoryEntry): RubricSheet | null {
  return entry.session.mode === 'solo' ? entry.given : null
}

/** The sheet that scores the user: a solo self-score, or the first copy shared with them as the candidate. */
function receivedSheet(entry: HistoryEntry): RubricSheet | null {
  return selfSheet(entry) ?? sharedSheet(entry)
}

/** The sheet the user wrote about someone else (pair sessions only). */
function givenSheet(entry: HistoryEntry): RubricSheet | null {
  return entry.session.mode === 'pair' ? entry.given : null
}

const averageOf = (sheet: RubricSheet | null) => {
  const average = sheet ? averageScore(sheet.scores) : null
  return average === null ? null : round(average, 2)
}

/**
 * The chart's points, oldest first: one per session with a score the user
 * received, gave, or gave themself in solo practice, each kept apart: an
 * interviewer's chart never mixes the two, and a candidate's trend of
 * interviewers' scores is not lifted (or sunk) by their own.
 */
export function historyPoints(entries: readonly HistoryEntry[]): HistoryPoint[] {
  return [...entries]
    .sort((a, b) => a.session.startedAt - b.session.startedAt)
    .flatMap((entry) => {
      const received = averageOf(sharedSheet(entry))
      const given = averageOf(givenSheet(entry))
      const self = averageOf(selfSheet(entry))
      if (received === null && given === null && self === null) return []
      const { sessionId, startedAt, title } = entry.session
      return [{ sessionId, startedAt, title, received, given, self }]
    })
}

/** The table's rows, in the order given (newest first). */
export function historyRows(entries: readonly HistoryEntry[]): HistoryRow[] {
  return entries.map((entry) => {
    const { session } = entry
    const solo = session.mode === 'solo'
    // Someone who held both roles (a swap) scored the other person, or was scored: the sheet they gave comes
    // first, as the chart plots it; a candidate's row waits for the interviewer's shared copy.
    const interviewer = !solo && entry.roles.includes('interviewer')
    const candidate = !solo && entry.roles.includes('candidate')
    const sheet = (interviewer ? givenSheet(entry) : null) ?? receivedSheet(entry)
    const average = sheet ? averageScore(sheet.scores) : null
    // An observer never reads scores: theirs stay private, not "not shared yet".
    const missing = candidate ? 'Not shared yet' : interviewer || solo ? 'Not scored' : 'Private'
    const why = average !== null ? 'None chosen' : missing
    return {
      sessionId: session.sessionId,
      startedAt: session.startedAt,
      title: session.title,
      role: solo ? 'Solo' : capitalize(entry.roles.join(' and ')) || '—',
      mode: capitalize(session.mode),
      level: capitalize(session.level),
      recommendation: recommendationLabel(sheet?.recommendation ?? null) ?? why,
      average: average === null ? null : average.toFixed(1),
      href: `/r/${encodeURIComponent(session.roomId)}/s/${encodeURIComponent(session.sessionId)}/summary`,
    }
  })
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}
