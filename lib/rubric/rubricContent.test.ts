import { describe, expect, it } from 'vitest'
import { phaseGuides } from '../session/phaseGuides'
import { phaseGuideSchema } from '../session/phaseSchema'
import { PLAN_45, PLAN_60, planMinutes } from '../session/sessionConfig'
import { redFlags, rubricDimensions } from './rubricContent'
import { redFlagSchema, rubricDimensionSchema } from './rubricSchema'

describe('rubric content', () => {
  it('has 10 dimensions with 4 anchors each, all valid and sourced', () => {
    expect(rubricDimensions).toHaveLength(10)
    expect(new Set(rubricDimensions.map((d) => d.id)).size).toBe(10)
    for (const dimension of rubricDimensions) {
      const parsed = rubricDimensionSchema.safeParse(dimension)
      expect(parsed.success ? [] : parsed.error.issues, dimension.id).toEqual([])
      expect(dimension.anchors).toHaveLength(4)
    }
  })

  it('has a red-flag checklist with unique ids', () => {
    expect(redFlags.length).toBeGreaterThanOrEqual(10)
    expect(new Set(redFlags.map((f) => f.id)).size).toBe(redFlags.length)
    for (const flag of redFlags) expect(redFlagSchema.safeParse(flag).success, flag.id).toBe(true)
  })

  it('includes the red flags the seeds name (their red-flag and anti-pattern lists)', () => {
    const ids = redFlags.map((f) => f.id)
    for (const id of [
      'ignores-tradeoffs',
      'blobs-in-database',
      'spof-left-in',
      'database-as-queue',
      'gave-up-unfamiliar',
    ])
      expect(ids, id).toContain(id)
  })
})

describe('phase plans and guides', () => {
  it('the default plans last 45 and 60 minutes and every phase has a guide card', () => {
    expect(planMinutes(PLAN_45)).toBe(45)
    expect(planMinutes(PLAN_60)).toBe(60)
    for (const phase of [...PLAN_45, ...PLAN_60]) {
      const guide = phaseGuides.find((g) => g.id === phase.id)
      expect(guide, phase.id).toBeDefined()
      expect(phaseGuideSchema.safeParse(guide).success, phase.id).toBe(true)
    }
  })
})
