import { describe, expect, it } from 'vitest'
import type { SessionRecord } from '@/server/sessions/SessionStore'
import { averageScore, historyPoints, historyRows } from './historyData'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 2, 10, 14, 5)

function record(overrides: Partial<SessionRecord>): SessionRecord {
  return {
    roomId: 'room-0000',
    title: 'URL shortener',
    problemId: 'url-shortener',
    mode: 'pair',
    level: 'senior',
    startedAt: T0,
    endedAt: null,
    startedBy: 'interviewer',
    participants: ['interviewer', 'me'],
    candidateId: 'me',
    scores: {},
    recommendation: null,
    scoresShared: false,
    ...overrides,
  }
}

// As `listForUser` returns them: newest first, hidden scores already emptied.
const records = [
  record({ roomId: 'hidden-01', startedAt: T0 + 3 * DAY }),
  record({
    roomId: 'shared-02',
    startedAt: T0 + 2 * DAY,
    scores: { a: 4, b: 3 },
    recommendation: 'hire',
    scoresShared: true,
  }),
  record({ roomId: 'unscored', startedAt: T0 + DAY, mode: 'solo', startedBy: 'me', scoresShared: true }),
  record({ roomId: 'shared-01', startedAt: T0, scores: { a: 2, b: 2, c: 3 }, scoresShared: true }),
]

describe('averageScore', () => {
  it('is the mean of the scored dimensions, or null when there are none', () => {
    expect(averageScore({ a: 2, b: 3, c: 4, d: 3 })).toBe(3)
    expect(averageScore({})).toBeNull()
  })
})

describe('historyPoints', () => {
  it('plots scored sessions oldest first, skipping unscored and hidden ones', () => {
    expect(historyPoints(records)).toEqual([
      { roomId: 'shared-01', date: '10 Mar', title: 'URL shortener', average: 2.33 },
      { roomId: 'shared-02', date: '12 Mar', title: 'URL shortener', average: 3.5 },
    ])
  })

  it('has no point at all when every session hides its scores', () => {
    expect(historyPoints([record({ roomId: 'hidden-01' })])).toEqual([])
  })
})

describe('historyRows', () => {
  it('keeps the newest-first order and links each session to its summary', () => {
    const rows = historyRows(records, 'me')
    expect(rows.map((r) => r.roomId)).toEqual(['hidden-01', 'shared-02', 'unscored', 'shared-01'])
    expect(rows[1]).toMatchObject({
      recommendation: 'Hire',
      average: '3.5',
      mode: 'Pair',
      level: 'Senior',
      href: '/r/shared-02/summary',
    })
    expect(rows[3]?.date).toBe('10 Mar 2026, 14:05 UTC')
  })

  it('tells scores the interviewer has not shared from sessions nobody scored', () => {
    const rows = historyRows(records, 'me')
    expect(rows[0]).toMatchObject({ recommendation: 'Not shared yet', average: null })
    expect(rows[2]).toMatchObject({ recommendation: 'Not scored', average: null, mode: 'Solo' })
  })
})
