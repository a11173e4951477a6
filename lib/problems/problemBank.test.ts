import { describe, expect, it } from 'vitest'
import { getBlock } from '../patterns/catalog'
import { problemBank, problemSummaries } from './problemBank'
import { revealedProblem } from './problemSchema'
import { problemCategories, problemSchema } from './problemSchema'

/** Classic problems issue 18 names, present in the bank (by id). */
const namedClassics = [
  'unique-id-generator',
  'distributed-message-queue',
  'pastebin',
  'pinterest',
  'has-user-read',
  'tinder',
  'hotel-reservation',
  'metrics-monitoring',
  'ad-click-aggregation',
  'digital-wallet',
  'nearby-friends',
  'live-comments',
  'object-store',
  'stock-exchange',
  'email-service',
  'online-judge',
  'online-auction',
  'local-delivery',
]
/** Low-level prompts the issue names: each must be on the LLD plan (category lld). */
const namedLld = [
  'parking-lot',
  'lru-cache-lld',
  'token-bucket-lld',
  'hash-ring-lld',
  'bloom-filter-lld',
  'connection-pool-lld',
  'redis-lock-lld',
  'saga-orchestrator-lld',
  'elevator-lld',
  'vending-machine-lld',
  'movie-booking-lld',
  'splitwise-lld',
]

describe('problem bank', () => {
  it('holds at least 60 problems, the named classics and LLD prompts among them', () => {
    expect(problemBank.length).toBeGreaterThanOrEqual(60)
    const ids = new Set(problemBank.map((p) => p.id))
    for (const id of [...namedClassics, ...namedLld]) expect(ids.has(id), id).toBe(true)
    for (const id of namedLld) expect(problemBank.find((p) => p.id === id)!.category, id).toBe('lld')
  })

  it('every problem whose id or title says LLD or code level is on the LLD plan', () => {
    for (const p of problemBank)
      if (/-lld$/.test(p.id) || /\((LLD|code level)\)/.test(p.title)) expect(p.category, p.id).toBe('lld')
  })

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
