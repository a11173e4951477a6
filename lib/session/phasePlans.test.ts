import { describe, expect, it } from 'vitest'
import { problemBank } from '../problems/problemBank'
import { phaseGuides } from './phaseGuides'
import { PLAN_45, PLAN_60, PLAN_LLD, planMinutes } from './sessionConfig'

describe('phase plans', () => {
  it('every phase of every plan has a guide card', () => {
    for (const plan of [PLAN_45, PLAN_60, PLAN_LLD])
      for (const phase of plan)
        expect(
          phaseGuides.some((g) => g.id === phase.id),
          phase.id
        ).toBe(true)
  })

  it('the LLD plan has no estimation phase, gives concurrency the most time and lasts 45 minutes', () => {
    expect(PLAN_LLD.map((p) => p.id)).not.toContain('estimation')
    const longest = [...PLAN_LLD].sort((a, b) => b.minutes - a.minutes)[0]!
    expect(longest.id).toBe('lld-concurrency')
    expect(planMinutes(PLAN_LLD)).toBe(45)
  })

  it('every LLD problem can be practised on the LLD plan: its checklist uses the LLD stencils', () => {
    const lldKinds = new Set(['entity-box', 'relationship', 'state-machine-diagram'])
    const patternKinds = /-pattern$|^template-method$/
    for (const problem of problemBank.filter((p) => p.category === 'lld')) {
      const kinds = problem.checklist.flatMap((c) => c.kinds)
      expect(
        kinds.some((k) => lldKinds.has(k) || patternKinds.test(k)),
        problem.id
      ).toBe(true)
    }
  })
})
