import { describe, expect, it } from 'vitest'
import { getBlock } from '../patterns/catalog'
import { problemBank, problemSummaries } from './problemBank'
import { revealedProblem } from './problemSchema'
import { problemCategories, problemSchema } from './problemSchema'

describe('problem bank', () => {
  it('holds at least 30 problems, every one complete and sourced', () => {
    expect(problemBank.length).toBeGreaterThanOrEqual(30)
    for (const problem of problemBank) {
      const parsed = problemSchema.safeParse(problem)
      expect(parsed.success ? [] : parsed.error.issues, problem.id).toEqual([])
    }
  })

  it('covers every category and difficulty, with unique ids', () => {
    expect(new Set(problemBank.map((p) => p.id)).size).toBe(problemBank.length)
    for (const { id } of problemCategories)
      expect(
        problemBank.some((p) => p.category === id),
        id
      ).toBe(true)
    for (const difficulty of ['easy', 'medium', 'hard']) {
      expect(
        problemBank.some((p) => p.difficulty === difficulty),
        difficulty
      ).toBe(true)
    }
  })

  it('checklists name real palette blocks, and every problem has items the board can tick', () => {
    for (const problem of problemBank) {
      for (const { kinds } of problem.checklist)
        for (const kind of kinds) expect(getBlock(kind), `${problem.id}: ${kind}`).toBeDefined()
      expect(problem.checklist.filter((c) => c.kinds.length > 0).length, problem.id).toBeGreaterThanOrEqual(3)
    }
  })

  it('the picker bank carries the prompt only: no requirements, scale, follow-ups, hints or checklists', () => {
    for (const problem of problemSummaries()) {
      expect(Object.keys(problem).sort()).toEqual(['category', 'difficulty', 'id', 'prompt', 'title'].sort())
    }
  })

  it('a candidate gets only the revealed parts of a problem', () => {
    const problem = problemBank[0]!
    expect(revealedProblem(problem, [])).toMatchObject({ functional: [], nonFunctional: [], scale: [] })
    const some = revealedProblem(problem, ['scale'])
    expect(some.scale).toEqual(problem.scale)
    expect(some.functional).toEqual([])
    expect(JSON.stringify(revealedProblem(problem, []))).not.toContain(problem.functional[0])
  })
})
