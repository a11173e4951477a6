/**
 * Who makes a pair's first offer (`offersFirst`). When both sides offered at
 * once, Chromium's rollback on the polite side could drop the ICE candidates
 * it was gathering, and the link stayed silent for good (the call e2e test's
 * flake). So exactly one side of every linked pair may offer first, and it is
 * one that has something to offer.
 */
import { describe, expect, test } from 'vitest'
import { offersFirst } from './PeerLink'

/** Every pair that gets a link: two speakers, or a speaker and a listener (two listeners have none). */
const PAIRS = [
  { first: true, second: true },
  { first: true, second: false },
  { first: false, second: true },
]

describe('offersFirst', () => {
  test.each(PAIRS)(
    'exactly one side of a pair offers first (first in the call publishes: $first, newcomer: $second)',
    ({ first, second }) => {
      // The peer already in the call learns of the newcomer by `joined`; the newcomer finds it in its welcome.
      const byFirst = offersFirst({ publishes: first, peerPublishes: second, peerIsNew: true })
      const byNewcomer = offersFirst({ publishes: second, peerPublishes: first, peerIsNew: false })
      expect([byFirst, byNewcomer].filter(Boolean)).toHaveLength(1)
    }
  )

  test('two speakers: the one already in the call offers; the newcomer answers', () => {
    expect(offersFirst({ publishes: true, peerPublishes: true, peerIsNew: true })).toBe(true)
    expect(offersFirst({ publishes: true, peerPublishes: true, peerIsNew: false })).toBe(false)
  })

  test('a listener never offers first: the speaker does, whoever came first', () => {
    expect(offersFirst({ publishes: false, peerPublishes: true, peerIsNew: true })).toBe(false)
    expect(offersFirst({ publishes: true, peerPublishes: false, peerIsNew: false })).toBe(true)
  })
})
