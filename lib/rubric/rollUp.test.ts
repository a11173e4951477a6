import { describe, expect, it } from 'vitest'
import type { SessionLevel } from '../session/sessionConfig'
import { rollUp } from './rollUp'
import type { Recommendation } from './rubricSheet'

const DIMENSIONS = [
  'requirements',
  'estimation',
  'api-data-model',
  'high-level-design',
  'deep-dive',
  'trade-offs',
  'scalability',
  'reliability',
  'operations',
  'communication',
]
/** Scores for the ten dimensions in order, e.g. "3333333333". */
const sheet = (digits: string, flags: string[] = []) => ({
  scores: Object.fromEntries([...digits].map((d, i) => [DIMENSIONS[i]!, Number(d)])),
  flags,
})

describe('rollUp', () => {
  it.each<[string, string, string[], SessionLevel, Recommendation]>([
    ['all 3s at senior', '3333333333', [], 'senior', 'hire'],
    ['3s with 4s on deep dive, trade-offs and reliability', '3333444343', [], 'senior', 'strong-hire'],
    ['three 4s but none on depth, trade-offs or failures', '4443333333', [], 'senior', 'hire'],
    ['strong scores but a red flag', '3333444343', ['buzzwords'], 'senior', 'hire'],
    ['mostly 2s at senior', '2222223222', [], 'senior', 'no-hire'],
    ['a single 1 blocks a hire', '3333331333', [], 'senior', 'no-hire'],
    ['several 1s', '1131222222', [], 'senior', 'strong-no-hire'],
    [
      '1s and red flags together',
      '2213222222',
      ['no-estimation', 'ignores-failures', 'no-deep-dive'],
      'senior',
      'strong-no-hire',
    ],
    ['two red flags cap at no hire', '3333333333', ['no-estimation', 'no-deep-dive'], 'senior', 'no-hire'],
    ['mostly 2s meet the mid-level bar', '2232222322', [], 'mid', 'hire'],
    ['all 3s at mid level with 4s where it counts', '3334443333', [], 'mid', 'strong-hire'],
    ['all 3s are not enough for staff', '3333333333', [], 'staff', 'no-hire'],
    ['3s with two 4s meet the staff bar', '3333433343', [], 'staff', 'hire'],
    ['a full point under the senior bar', '1222222222', [], 'senior', 'strong-no-hire'],
    ['mostly 2s at staff: no hire, not a strong no', '2222222222', [], 'staff', 'no-hire'],
  ])('%s → %s', (_, digits, flags, level, expected) => {
    expect(rollUp(sheet(digits, flags), level).recommendation).toBe(expected)
  })

  it('suggests nothing before anything is scored', () => {
    expect(rollUp({ scores: {}, flags: [] }, 'senior')).toMatchObject({ recommendation: null, scored: 0 })
  })

  it('averages what is scored so far and says why, but suggests nothing until half the rubric is scored', () => {
    // The bug: one 3 out of ten dimensions made the summary say "Suggested: Hire".
    const result = rollUp({ scores: { requirements: 3, 'deep-dive': 1 }, flags: ['buzzwords'] }, 'senior')
    expect(result).toMatchObject({ recommendation: null, scored: 2, average: 2 })
    expect(result.reasons).toEqual([
      'average 2.0 over 2 of 10 dimensions, against a senior bar of 3',
      '1 dimension at 1',
      '1 red flag',
      'a suggestion needs at least 5 scored',
    ])
    expect(rollUp(sheet('3'), 'senior').recommendation).toBeNull()
    expect(rollUp(sheet('33333'), 'senior').recommendation).toBe('hire')
    // An LLD sheet counts against the LLD rubric's 9 dimensions.
    const lld = { 'lld-entities': 3, 'lld-relationships': 3, 'lld-patterns': 3, 'lld-indexes': 3, requirements: 3 }
    expect(rollUp({ scores: lld, flags: [] }, 'senior')).toMatchObject({ recommendation: 'hire' })
  })

  it('says when the staff rule decided', () => {
    expect(rollUp(sheet('3333333333'), 'staff').reasons).toContain('staff needs two 4s')
  })
})
