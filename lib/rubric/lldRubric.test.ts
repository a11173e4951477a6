import { describe, expect, it } from 'vitest'
import { problemBank } from '../problems/problemBank'
import { planMismatch } from '../session/planForProblem'
import { PLAN_45, PLAN_60, PLAN_LLD } from '../session/sessionConfig'
import { lldRubricDimensions } from './lldRubric'
import { rollUp } from './rollUp'
import { rubricDimensions } from './rubricContent'
import { rubricDimensionSchema } from './rubricSchema'
import { dimensionWeight, rubricKindOf, sessionRubric } from './sessionRubric'

describe('LLD sub-rubric', () => {
  it('scores the six parts the seeds name, each valid and sourced, concurrency weighted most', () => {
    expect(lldRubricDimensions.map((d) => d.id)).toEqual([
      'lld-entities',
      'lld-relationships',
      'lld-state-machines',
      'lld-indexes',
      'lld-patterns',
      'lld-concurrency',
    ])
    for (const d of lldRubricDimensions) {
      const parsed = rubricDimensionSchema.safeParse(d)
      expect(parsed.success ? [] : parsed.error.issues, d.id).toEqual([])
    }
    const heaviest = [...lldRubricDimensions].sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1))
    expect(heaviest[0]!.id).toBe('lld-concurrency')
    expect(dimensionWeight('lld-concurrency')).toBeGreaterThan(dimensionWeight('lld-entities'))
  })

  it('the LLD plan picks the LLD rubric (no estimation); the HLD plans keep the ten dimensions', () => {
    expect(rubricKindOf(PLAN_LLD)).toBe('lld')
    const ids = sessionRubric(PLAN_LLD).map((d) => d.id)
    for (const d of lldRubricDimensions) expect(ids).toContain(d.id)
    expect(ids).not.toContain('estimation')
    expect(new Set(ids).size).toBe(ids.length)
    for (const plan of [PLAN_45, PLAN_60]) expect(sessionRubric(plan)).toBe(rubricDimensions)
  })

  it('every LLD problem runs on the LLD plan and is scored on the LLD sub-rubric; other problems take any plan', () => {
    const lld = problemBank.filter((p) => p.category === 'lld')
    expect(lld.length).toBeGreaterThanOrEqual(5)
    for (const p of lld) {
      expect(planMismatch(p.category, PLAN_LLD), p.id).toBeNull()
      expect(planMismatch(p.category, PLAN_45), p.id).not.toBeNull()
      expect(planMismatch(p.category, PLAN_60), p.id).not.toBeNull()
      expect(rubricKindOf(PLAN_LLD)).toBe('lld')
    }
    for (const p of problemBank.filter((x) => x.category !== 'lld'))
      expect(planMismatch(p.category, PLAN_45), p.id).toBeNull()
  })

  it('the classic LLD problems are in the bank', () => {
    const ids = new Set(problemBank.filter((p) => p.category === 'lld').map((p) => p.id))
    for (const id of ['parking-lot', 'elevator-lld', 'vending-machine-lld', 'movie-booking-lld', 'splitwise-lld'])
      expect(ids.has(id), id).toBe(true)
  })

  it('the roll-up counts concurrency double', () => {
    // (4 × 2 + 2 + 2) / 4 = 3: meets the senior bar; unweighted it would be 2.67.
    const sheet = { scores: { 'lld-concurrency': 4, 'lld-entities': 2, 'lld-indexes': 2 }, flags: [] }
    expect(rollUp(sheet, 'senior').average).toBe(3)
  })
})
