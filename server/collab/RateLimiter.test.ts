/**
 * The per-connection token bucket, on a clock the test moves (no sleeps).
 *
 * Bugs it would catch: a burst larger or smaller than configured, a refill
 * faster or slower than `perSecond`, idle time banking more than one burst
 * (a client idle for an hour could then flood), lost fractional refills (a
 * steady client at exactly the allowed rate cut off), and a refused frame
 * still costing a token.
 */
import { describe, expect, test } from 'vitest'
import { RateLimiter } from './RateLimiter'

function limiter(perSecond: number, burst: number) {
  let now = 1_000
  const bucket = new RateLimiter({ perSecond, burst }, () => now)
  return {
    bucket,
    advance: (ms: number) => (now += ms),
    /** How many of `n` frames sent at this instant are allowed. */
    takeMany: (n: number) => Array.from({ length: n }, () => bucket.take()).filter(Boolean).length,
  }
}

describe('RateLimiter', () => {
  test('a full bucket allows exactly one burst at once, then refuses', () => {
    const { takeMany, bucket } = limiter(300, 600)
    expect(takeMany(600)).toBe(600)
    expect(bucket.take()).toBe(false)
    expect(takeMany(100)).toBe(0)
  })

  test('it refills at perSecond, including fractions of a token', () => {
    const { takeMany, advance } = limiter(300, 600)
    takeMany(600)
    advance(100) // 30 tokens
    expect(takeMany(50)).toBe(30)
    advance(5) // 1.5 tokens: one frame now…
    expect(takeMany(5)).toBe(1)
    advance(2) // …and the half left over plus 0.6 makes another
    expect(takeMany(5)).toBe(1)
  })

  test('a client sending steadily at the allowed rate is never cut off', () => {
    const { bucket, advance, takeMany } = limiter(300, 600)
    for (let i = 0; i < 3_000; i++) {
      advance(1000 / 300)
      expect(bucket.take()).toBe(true)
    }
    // Even from an empty bucket, just under the rate (exactly at it, float
    // rounding may leave 0.999… of a token), every frame passes.
    takeMany(600)
    for (let i = 0; i < 3_000; i++) {
      advance(1000 / 297)
      expect(bucket.take()).toBe(true)
    }
  })

  test('idle time never banks more than one burst', () => {
    const { takeMany, advance } = limiter(300, 600)
    takeMany(10)
    advance(60 * 60 * 1000)
    expect(takeMany(2_000)).toBe(600)
  })

  test('refused frames cost nothing: a flood only delays, it does not dig a debt', () => {
    const { takeMany, advance } = limiter(10, 5)
    takeMany(5)
    expect(takeMany(1_000)).toBe(0)
    advance(100) // one token
    expect(takeMany(3)).toBe(1)
  })
})
