import { describe, expect, it } from 'vitest'
import { rubricDimensions } from '@/lib/rubric/rubricContent'
import { EMPTY_SHEET, type RubricSheet } from '@/lib/rubric/rubricSheet'
import { PLAN_45 } from '@/lib/session/sessionConfig'
import type { TimerEvent } from '@/lib/session/timer'
import type { BoardSnapshot } from '@/lib/board/boardSnapshot'
import {
  boardHasShapes,
  flagLabels,
  noScoresMessage,
  noteRows,
  participantsLabel,
  recommendationView,
  scoreRows,
  sessionTitle,
  timingRows,
} from './summaryData'

const MIN = 60_000
const T0 = 1_800_000_000_000
const at = (minutes: number) => T0 + minutes * MIN

describe('timingRows', () => {
  it('puts planned against actual minutes per phase, pauses excluded and extensions planned', () => {
    const events: TimerEvent[] = [
      { type: 'start', at: at(0) },
      { type: 'next', at: at(7) }, // requirements: 7 of 5 planned
      { type: 'pause', at: at(8) },
      { type: 'resume', at: at(10) }, // 2 paused minutes do not count
      { type: 'extend', at: at(11), minutes: 2 },
      { type: 'next', at: at(12.5) }, // estimation: 1 + 2.5 = 3.5 of 5 + 2 planned
    ]
    const rows = timingRows(PLAN_45, events, at(14))
    expect(rows.map((r) => r.id)).toEqual(PLAN_45.map((p) => p.id))
    expect(rows[0]).toMatchObject({ label: 'Requirements', plannedMin: 5, extendedMin: 0, actualMin: 7, overrunMin: 2 })
    expect(rows[1]).toMatchObject({ plannedMin: 7, extendedMin: 2, actualMin: 3.5, overrunMin: 0 })
    // The current phase counts up to now; later phases have not started.
    expect(rows[2]).toMatchObject({ plannedMin: 5, actualMin: 1.5 })
    expect(rows[5]).toMatchObject({ plannedMin: 8, actualMin: 0 })
  })

  it('stops counting at the end of the session', () => {
    const events: TimerEvent[] = [
      { type: 'start', at: at(0) },
      { type: 'end', at: at(3) },
    ]
    expect(timingRows(PLAN_45, events, at(60))[0]).toMatchObject({ actualMin: 3, overrunMin: 0 })
  })
})

describe('scores', () => {
  const sheet: RubricSheet = {
    scores: { requirements: 3, 'deep-dive': 4, operations: 1 },
    flags: ['buzzwords', 'retired-flag'],
    notes: [],
    recommendation: null,
    ticks: [],
  }

  it('lists all ten dimensions in rubric order, unscored ones without a score', () => {
    const rows = scoreRows(sheet)
    expect(rows.map((r) => r.id)).toEqual(rubricDimensions.map((d) => d.id))
    expect(rows.find((r) => r.id === 'requirements')).toMatchObject({ name: 'Requirements & scoping', score: 3 })
    expect(rows.find((r) => r.id === 'deep-dive')?.meaning).toBe('strong')
    expect(rows.find((r) => r.id === 'estimation')).toMatchObject({ score: null, meaning: null })
    expect(scoreRows(null).every((r) => r.score === null)).toBe(true)
  })

  it("shows the interviewer's own recommendation as it is", () => {
    const view = recommendationView({ ...sheet, recommendation: 'hire' }, 'senior')
    expect(view).toMatchObject({ label: 'Hire', suggested: false })
  })

  it('falls back to the roll-up, marked as suggested, and to nothing when nothing is scored', () => {
    const scores = { requirements: 3, estimation: 3, 'api-data-model': 3, 'high-level-design': 3, 'deep-dive': 3 }
    expect(recommendationView({ ...EMPTY_SHEET, scores }, 'senior')).toMatchObject({ label: 'Hire', suggested: true })
    expect(recommendationView(EMPTY_SHEET, 'senior')).toBeNull()
    // Too few scored for a suggestion: none, rather than a call on two dimensions, and the reasons say why.
    expect(recommendationView({ ...EMPTY_SHEET, scores: { requirements: 3, estimation: 3 } }, 'senior')).toMatchObject({
      label: null,
      reasons: expect.arrayContaining(['a suggestion needs at least 5 scored']),
    })
  })

  it('labels red flags, keeping ids it no longer knows', () => {
    expect(flagLabels(sheet.flags)).toEqual(['Buzzwords without understanding', 'retired-flag'])
  })
})

describe('notes, title and board', () => {
  it('orders notes by session clock and shows it as m:ss', () => {
    const notes = [
      { id: 'b', at: 125_000, text: 'Good estimate', by: 'Ann' },
      { id: 'a', at: 30_000, text: 'Asked about scale', by: 'Bob' },
    ]
    expect(noteRows(notes).map((n) => [n.id, n.clock])).toEqual([
      ['a', '0:30'],
      ['b', '2:05'],
    ])
  })

  it('titles a session by its problem, else by its record, else as a custom prompt', () => {
    expect(sessionTitle({ problem: null, session: null })).toBe('Custom prompt')
  })

  it('has a picture only when the board has shapes', () => {
    const board = (store: object) => ({ schema: {}, store }) as unknown as BoardSnapshot
    expect(boardHasShapes(null)).toBe(false)
    expect(boardHasShapes(board({ 'page:1': { typeName: 'page' } }))).toBe(false)
    expect(boardHasShapes(board({ 'page:1': { typeName: 'page' }, 'shape:a': { typeName: 'shape' } }))).toBe(true)
  })
})

describe('who took part, and what the scores card says without a sheet', () => {
  it('speaks to the part the reader took in the session, not their role now', () => {
    // After a swap the session's candidate is an interviewer on the board: they were told "Nobody scored this
    // session" although the interviewer had.
    expect(noScoresMessage(['candidate', 'interviewer'])).toBe('The interviewer has not shared the scores yet.')
    expect(noScoresMessage(['interviewer'])).toMatch(/^You did not score this session/)
    expect(noScoresMessage(['observer'])).toMatch(/private to the interviewers/)
    expect(noScoresMessage([])).toMatch(/private to the interviewers/)
  })

  it('lists each role a person held once, as a set', () => {
    const label = participantsLabel([
      { name: 'Olga', roles: ['interviewer', 'candidate'] },
      { name: 'Cid', roles: ['candidate'] },
    ])
    expect(label).toBe('Olga (interviewer and candidate), Cid (candidate)')
  })
})
