import { expect, it } from 'vitest'
import type { QuotaLimiter, QuotaSpec } from './QuotaLimiter'

/** Makes a limiter for `spec` whose window slides on `now`. */
export type MakeQuotaLimiter = (spec: QuotaSpec, now: () => number) => QuotaLimiter | Promise<QuotaLimiter>

let made = 0

/**
 * The {@link QuotaLimiter} contract, as `it` blocks to call inside a
 * `describe`: every store must answer these alike (the in-memory one,
 * Redis on one node, Redis Cluster). Each test gets a quota of its own name,
 * so stores that outlive a test (Redis) need no flushing. Windows are a
 * minute or more, because Redis expires keys on its own clock: a window
 * shorter than the test's real run time could let a key vanish under the
 * test's clock.
 */
export function quotaLimiterContract(make: MakeQuotaLimiter): void {
  async function setUp(limit: number, windowMs: number) {
    let now = 1_000_000
    const limiter = await make({ name: `contract-${process.pid}-${++made}-${Date.now()}`, limit, windowMs }, () => now)
    return { limiter, advance: (ms: number) => (now += ms) }
  }

  it('allows `limit` events per window, then says how long to wait; refusals are not counted', async () => {
    const { limiter, advance } = await setUp(3, 60_000)
    expect(await limiter.take('a')).toEqual({ ok: true, remaining: 2 })
    advance(10_000)
    expect(await limiter.take('a')).toEqual({ ok: true, remaining: 1 })
    expect(await limiter.take('a')).toEqual({ ok: true, remaining: 0 })
    expect(await limiter.take('a')).toEqual({ ok: false, retryAfterMs: 50_000 })
    advance(49_999)
    expect(await limiter.take('a')).toEqual({ ok: false, retryAfterMs: 1 })
    advance(1)
    expect(await limiter.take('a')).toEqual({ ok: true, remaining: 0 })
  })

  it('slides: the window frees one slot at a time, not all at once', async () => {
    const { limiter, advance } = await setUp(2, 60_000)
    await limiter.take('a')
    advance(36_000)
    await limiter.take('a')
    advance(24_000)
    expect(await limiter.take('a')).toEqual({ ok: true, remaining: 0 }) // the first left the window
    expect(await limiter.take('a')).toEqual({ ok: false, retryAfterMs: 36_000 })
  })

  it('keeps keys apart', async () => {
    const { limiter } = await setUp(1, 60_000)
    expect((await limiter.take('a')).ok).toBe(true)
    expect((await limiter.take('b')).ok).toBe(true)
    expect((await limiter.take('a')).ok).toBe(false)
    expect((await limiter.take('b')).ok).toBe(false)
  })

  it('weighs events (a byte budget): refuses what would not fit, and says when enough has left the window', async () => {
    const { limiter, advance } = await setUp(1_000, 60_000)
    expect(await limiter.take('a', 400)).toEqual({ ok: true, remaining: 600 })
    advance(10_000)
    expect(await limiter.take('a', 500)).toEqual({ ok: true, remaining: 100 })
    // 300 fits once the first 400 has left (50 s from now); 700 only once both have (60 s).
    expect(await limiter.take('a', 300)).toEqual({ ok: false, retryAfterMs: 50_000 })
    expect(await limiter.take('a', 700)).toEqual({ ok: false, retryAfterMs: 60_000 })
    expect(await limiter.take('a', 100)).toEqual({ ok: true, remaining: 0 })
    advance(50_000)
    expect(await limiter.take('a', 300)).toEqual({ ok: true, remaining: 100 })
  })

  it('adds up events in the same millisecond, and a weight of 0 takes nothing', async () => {
    const { limiter, advance } = await setUp(10, 60_000)
    for (let i = 0; i < 4; i++) await limiter.take('a', 2)
    expect(await limiter.take('a', 0)).toEqual({ ok: true, remaining: 2 })
    expect(await limiter.take('a', 3)).toEqual({ ok: false, retryAfterMs: 60_000 })
    advance(59_999)
    expect(await limiter.take('a', 2)).toEqual({ ok: true, remaining: 0 })
    advance(1)
    // The four events of the first millisecond leave together.
    expect(await limiter.take('a', 8)).toEqual({ ok: true, remaining: 0 })
  })

  it('lets an event heavier than the whole limit through once the window is empty (slowed, never stuck)', async () => {
    const { limiter, advance } = await setUp(100, 60_000)
    expect(await limiter.take('a', 250)).toEqual({ ok: true, remaining: 0 })
    expect(await limiter.take('a', 250)).toEqual({ ok: false, retryAfterMs: 60_000 })
    advance(60_000)
    expect((await limiter.take('a', 250)).ok).toBe(true)
  })

  it('rejects a negative or fractional weight', async () => {
    const { limiter } = await setUp(100, 60_000)
    await expect(limiter.take('a', -1)).rejects.toThrow()
    await expect(limiter.take('a', 1.5)).rejects.toThrow()
    expect(await limiter.take('a')).toEqual({ ok: true, remaining: 99 })
  })
}
