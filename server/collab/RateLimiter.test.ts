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
import { DEFAULT_CONNECTION_LIMITS } from './ClientConnection'

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

/**
 * The same bucket counting bytes, with the defaults (256 KiB/s, 8 MiB
 * burst). Bugs it would catch: a default so low that a real user pasting a
 * big diagram or resending an offline session is cut off, so high that the
 * audit's flood (200 updates of ~2 MiB in 11 s) passes, an amount taken as
 * one token, and a refused frame still spending the budget.
 */
describe('RateLimiter as the per-connection byte budget (defaults)', () => {
  const MiB = 1024 * 1024
  function bytes() {
    let now = 1_000
    const { bytesPerSecond, byteBurst } = DEFAULT_CONNECTION_LIMITS
    const bucket = new RateLimiter({ perSecond: bytesPerSecond, burst: byteBurst }, () => now)
    return { bucket, advance: (ms: number) => (now += ms) }
  }

  test('the audit flood, 200 frames of 2 MiB over 11 s, is cut off within the first five', () => {
    const { bucket, advance } = bytes()
    let accepted = 0
    for (let i = 0; i < 200; i++) {
      if (!bucket.take(2 * MiB)) break
      accepted++
      advance(11_000 / 200)
    }
    expect(accepted).toBeGreaterThanOrEqual(4)
    expect(accepted).toBeLessThanOrEqual(5)
  })

  test('a real user is never cut off: three 2 MiB pastes at once, then an hour of drawing with a paste a minute', () => {
    const { bucket, advance } = bytes()
    expect(bucket.take(2 * MiB)).toBe(true)
    expect(bucket.take(2 * MiB)).toBe(true)
    expect(bucket.take(2 * MiB)).toBe(true)
    let refused = 0
    for (let second = 0; second < 3_600; second++) {
      advance(1_000)
      // Dragging: 60 updates of ~100 B and 20 cursor frames of ~120 B a second.
      for (let i = 0; i < 80; i++) if (!bucket.take(120)) refused++
      if (second % 60 === 0 && !bucket.take(2 * MiB)) refused++
    }
    expect(refused).toBe(0)
  })

  test('a frame counts its size, not one token; a refused frame spends nothing', () => {
    const { bucket, advance } = bytes()
    expect(bucket.take(8 * MiB - 10)).toBe(true)
    expect(bucket.take(11)).toBe(false)
    expect(bucket.take(10)).toBe(true)
    expect(bucket.take(1)).toBe(false)
    advance(1_000) // 256 KiB back
    expect(bucket.take(2 * MiB)).toBe(false)
    expect(bucket.take(256 * 1024)).toBe(true)
  })

  test('more than one burst at once is never granted, however long the connection was idle', () => {
    const { bucket, advance } = bytes()
    advance(24 * 60 * 60 * 1000)
    expect(bucket.take(8 * MiB + 1)).toBe(false)
    expect(bucket.take(8 * MiB)).toBe(true)
  })
})
