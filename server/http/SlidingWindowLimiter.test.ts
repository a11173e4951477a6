import { describe, expect, it } from 'vitest'
import { SlidingWindowLimiter } from './SlidingWindowLimiter'

function clock(start = 1_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

describe('SlidingWindowLimiter', () => {
  it('allows `limit` events per window, then says how long to wait', () => {
    const time = clock()
    const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 60_000, now: time.now })
    expect(limiter.take('a')).toEqual({ ok: true, remaining: 2 })
    time.advance(10_000)
    expect(limiter.take('a')).toEqual({ ok: true, remaining: 1 })
    expect(limiter.take('a')).toEqual({ ok: true, remaining: 0 })
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 50_000 })
    // Refusals are not counted.
    time.advance(49_999)
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 1 })
    time.advance(1)
    expect(limiter.take('a')).toEqual({ ok: true, remaining: 0 })
  })

  it('slides: the window frees one slot at a time, not all at once', () => {
    const time = clock()
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 1_000, now: time.now })
    limiter.take('a')
    time.advance(600)
    limiter.take('a')
    time.advance(400)
    expect(limiter.take('a').ok).toBe(true) // the first expired
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 600 })
  })

  it('keeps keys apart', () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1_000, now: clock().now })
    expect(limiter.take('a').ok).toBe(true)
    expect(limiter.take('b').ok).toBe(true)
    expect(limiter.take('a').ok).toBe(false)
  })

  it('stays bounded: expired keys are swept, then the oldest dropped', () => {
    const time = clock()
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1_000, now: time.now, maxKeys: 100 })
    for (let i = 0; i < 100; i++) limiter.take(`k${i}`)
    time.advance(1_000)
    limiter.take('fresh')
    expect(limiter.size).toBe(1)
    for (let i = 0; i < 500; i++) limiter.take(`live${i}`)
    expect(limiter.size).toBeLessThanOrEqual(100)
  })

  it('weighs events (a byte budget): refuses what would not fit, and says when enough has left the window', () => {
    const time = clock()
    const limiter = new SlidingWindowLimiter({ limit: 1_000, windowMs: 60_000, now: time.now })
    expect(limiter.take('a', 400)).toEqual({ ok: true, remaining: 600 })
    time.advance(10_000)
    expect(limiter.take('a', 500)).toEqual({ ok: true, remaining: 100 })
    // 300 fits once the first 400 has left (50 s from now); 700 only once both have (60 s).
    expect(limiter.take('a', 300)).toEqual({ ok: false, retryAfterMs: 50_000 })
    expect(limiter.take('a', 700)).toEqual({ ok: false, retryAfterMs: 60_000 })
    expect(limiter.take('a', 100)).toEqual({ ok: true, remaining: 0 })
    time.advance(50_000)
    expect(limiter.take('a', 300)).toEqual({ ok: true, remaining: 100 })
  })

  it('lets an event heavier than the whole limit through once the window is empty (slowed, never stuck)', () => {
    const time = clock()
    const limiter = new SlidingWindowLimiter({ limit: 100, windowMs: 1_000, now: time.now })
    expect(limiter.take('a', 250)).toEqual({ ok: true, remaining: 0 })
    expect(limiter.take('a', 250)).toEqual({ ok: false, retryAfterMs: 1_000 })
    time.advance(1_000)
    expect(limiter.take('a', 250).ok).toBe(true)
    expect(() => limiter.take('a', -1)).toThrow()
  })

  it('refuses nonsense limits', () => {
    expect(() => new SlidingWindowLimiter({ limit: 0, windowMs: 1 })).toThrow()
    expect(() => new SlidingWindowLimiter({ limit: 1, windowMs: 0 })).toThrow()
  })
})
