import { describe, expect, it } from 'vitest'
import { EMPTY_SHEET } from '@/lib/rubric/rubricSheet'
import type { SessionRecord } from '@/lib/session/sessionRecord'
import type { HistoryEntry } from '@/lib/session/sessionView'
import { DEFAULT_SESSION_SETTINGS } from '@/lib/session/sessionRecord'
import { PLAN_45 } from '@/lib/session/sessionConfig'
import { averageScore, historyPoints, historyRows } from './historyData'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 2, 10, 14, 5)

function entry(
  sessionId: string,
  startedAt: number,
  overrides: Partial<HistoryEntry> = {},
  mode: 'pair' | 'solo' = 'pair'
): HistoryEntry {
  const session: SessionRecord = {
    sessionId,
    roomId: 'room-0000',
    title: 'URL shortener',
    problemId: 'url-shortener',
    customPrompt: null,
    mode,
    level: 'senior',
    plan: PLAN_45,
    settings: DEFAULT_SESSION_SETTINGS,
    revealed: [],
    startedAt,
    endedAt: null,
    startedBy: 'interviewer',
    events: [],
    participants: [],
    boardSeqStart: 0,
    boardSeqEnd: null,
  }
  return { session, roles: ['candidate'], given: null, received: [], ...overrides }
}

const sheet = (scores: Record<string, number>, recommendation: 'hire' | null = null) => ({
  ...EMPTY_SHEET,
  scores,
  recommendation,
})

// As `listForUser` returns them: newest first.
const entries = [
  entry('not-shared', T0 + 4 * DAY),
  entry('gave-score', T0 + 3 * DAY, { roles: ['interviewer'], given: sheet({ a: 4, b: 4 }) }),
  entry('shared-02', T0 + 2 * DAY, { received: [sheet({ a: 4, b: 3 }, 'hire')] }),
  entry('solo-unscored', T0 + DAY, { roles: ['interviewer'] }, 'solo'),
  entry('shared-01', T0, { received: [sheet({ a: 2, b: 2, c: 3 })] }),
]

describe('averageScore', () => {
  it('is the mean of the scored dimensions, or null when there are none', () => {
    expect(averageScore({ a: 2, b: 3, c: 4, d: 3 })).toBe(3)
    expect(averageScore({})).toBeNull()
  })
})

describe('historyPoints', () => {
  it('plots scores received and given apart, oldest first, skipping unscored sessions', () => {
    expect(historyPoints(entries)).toEqual([
      { sessionId: 'shared-01', startedAt: T0, title: 'URL shortener', received: 2.33, given: null, self: null },
      {
        sessionId: 'shared-02',
        startedAt: T0 + 2 * DAY,
        title: 'URL shortener',
        received: 3.5,
        given: null,
        self: null,
      },
      {
        sessionId: 'gave-score',
        startedAt: T0 + 3 * DAY,
        title: 'URL shortener',
        received: null,
        given: 4,
        self: null,
      },
    ])
  })

  it('plots a solo self-score on its own line, not among the scores interviewers gave', () => {
    const solo = entry('solo', T0, { roles: ['interviewer'], given: sheet({ a: 3 }) }, 'solo')
    expect(historyPoints([solo])).toEqual([
      { sessionId: 'solo', startedAt: T0, title: 'URL shortener', received: null, given: null, self: 3 },
    ])
  })
})

describe('historyRows', () => {
  it('keeps the newest-first order, names my role, and links each session to its own summary', () => {
    const rows = historyRows(entries)
    expect(rows.map((r) => r.sessionId)).toEqual([
      'not-shared',
      'gave-score',
      'shared-02',
      'solo-unscored',
      'shared-01',
    ])
    expect(rows[2]).toMatchObject({
      recommendation: 'Hire',
      average: '3.5',
      role: 'Candidate',
      mode: 'Pair',
      level: 'Senior',
      href: '/r/room-0000/s/shared-02/summary',
    })
    expect(rows[1]).toMatchObject({ role: 'Interviewer', average: '4.0', recommendation: 'None chosen' })
    expect(rows[4]?.startedAt).toBe(T0)
  })

  it('tells scores the interviewer has not shared from sessions nobody scored', () => {
    const rows = historyRows(entries)
    expect(rows[0]).toMatchObject({ recommendation: 'Not shared yet', average: null })
    expect(rows[3]).toMatchObject({ recommendation: 'Not scored', average: null, mode: 'Solo', role: 'Solo' })
  })

  it('after a swap, shows the sheet the user gave, as the chart plots it, and names both roles once', () => {
    // The row once read "Interviewer → Candidate, Not shared yet, —" while the chart above plotted the 1.0 given.
    const swapped = entry('swapped', T0, { roles: ['interviewer', 'candidate'], given: sheet({ requirements: 1 }) })
    expect(historyRows([swapped])[0]).toMatchObject({
      role: 'Interviewer and candidate',
      average: '1.0',
      recommendation: 'None chosen',
    })
    expect(historyPoints([swapped])).toMatchObject([{ given: 1, received: null }])
    const scoredAfterSwap = entry('scored', T0, {
      roles: ['candidate', 'interviewer'],
      received: [sheet({ requirements: 3 }, 'hire')],
    })
    expect(historyRows([scoredAfterSwap])[0]).toMatchObject({ average: '3.0', recommendation: 'Hire' })
  })

  it('tells an observer the scores are private, not "not shared yet"', () => {
    expect(historyRows([entry('watched', T0, { roles: ['observer'] })])[0]).toMatchObject({
      role: 'Observer',
      recommendation: 'Private',
      average: null,
    })
  })
})
