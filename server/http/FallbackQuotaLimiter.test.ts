import { describe, expect, it, vi } from 'vitest'
import { FallbackQuotaLimiter } from './FallbackQuotaLimiter'
import { MemoryQuotaLimiter } from './MemoryQuotaLimiter'
import type { QuotaLimiter } from './QuotaLimiter'

const spec = { name: 'test', limit: 2, windowMs: 60_000 }

function failing(take: QuotaLimiter['take']): QuotaLimiter {
  return { take }
}

describe('FallbackQuotaLimiter', () => {
  it('answers with the shared store while it works, and counts nothing in the fallback', async () => {
    const shared = new MemoryQuotaLimiter(spec)
    const local = new MemoryQuotaLimiter(spec)
    const onFailure = vi.fn()
    const limiter = new FallbackQuotaLimiter(shared, local, { onFailure })
    expect(await limiter.take('a')).toEqual({ ok: true, remaining: 1 })
    expect(await limiter.take('a')).toEqual({ ok: true, remaining: 0 })
    expect((await limiter.take('a')).ok).toBe(false)
    expect(await local.take('a')).toEqual({ ok: true, remaining: 1 })
    expect(onFailure).not.toHaveBeenCalled()
  })

  it('decides with this process’s count when the shared store fails: still limited, never down', async () => {
    const onFailure = vi.fn()
    const down = failing(() => Promise.reject(new Error('ECONNREFUSED')))
    const limiter = new FallbackQuotaLimiter(down, new MemoryQuotaLimiter(spec), { onFailure })
    expect((await limiter.take('a')).ok).toBe(true)
    expect((await limiter.take('a')).ok).toBe(true)
    expect((await limiter.take('a')).ok).toBe(false)
    expect(onFailure).toHaveBeenCalledTimes(3)
    expect(onFailure.mock.calls[0]![0]).toBeInstanceOf(Error)
  })

  it('does not wait longer than its deadline for a store that hangs', async () => {
    const onFailure = vi.fn()
    const hung = failing(() => new Promise(() => undefined))
    const limiter = new FallbackQuotaLimiter(hung, new MemoryQuotaLimiter(spec), { onFailure, timeoutMs: 50 })
    const started = Date.now()
    expect(await limiter.take('a')).toEqual({ ok: true, remaining: 1 })
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(String(onFailure.mock.calls[0]![0])).toMatch(/no answer within 50 ms/)
  })

  it('rejects a bad weight instead of taking it for an outage', async () => {
    const onFailure = vi.fn()
    const limiter = new FallbackQuotaLimiter(new MemoryQuotaLimiter(spec), new MemoryQuotaLimiter(spec), { onFailure })
    await expect(limiter.take('a', -1)).rejects.toThrow()
    expect(onFailure).not.toHaveBeenCalled()
  })
})
