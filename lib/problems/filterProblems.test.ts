import { describe, expect, it } from 'vitest'
import { problemSummaries } from './problemBank'
import { filterProblems } from './filterProblems'

const bank = problemSummaries()
const any = { query: '', category: null, difficulty: null } as const

describe('filterProblems', () => {
  it('lists the whole bank with no filter', () => {
    expect(filterProblems(bank, any)).toHaveLength(bank.length)
  })

  it('puts title matches before prompt matches', () => {
    const found = filterProblems(bank, { ...any, query: 'chat' })
    expect(found[0]!.title.toLowerCase()).toContain('chat')
    const firstPromptOnly = found.findIndex((p) => !p.title.toLowerCase().includes('chat'))
    if (firstPromptOnly >= 0) {
      expect(found.slice(firstPromptOnly).every((p) => !p.title.toLowerCase().includes('chat'))).toBe(true)
    }
  })

  it('needs every word, in any case', () => {
    expect(filterProblems(bank, { ...any, query: 'URL short' }).map((p) => p.id)).toEqual(['url-shortener'])
    expect(filterProblems(bank, { ...any, query: 'url zebra' })).toEqual([])
  })

  it('combines the category and difficulty chips with the query', () => {
    const lld = filterProblems(bank, { ...any, category: 'lld' })
    expect(lld.length).toBeGreaterThan(0)
    expect(lld.every((p) => p.category === 'lld')).toBe(true)
    const hardClassics = filterProblems(bank, { ...any, category: 'classic', difficulty: 'hard' })
    expect(hardClassics.every((p) => p.category === 'classic' && p.difficulty === 'hard')).toBe(true)
  })
})
