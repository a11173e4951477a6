/**
 * Shared quotas, as two app servers in Redis mode build them
 * (`openRedisHttpQuotas`, what `server/main.ts` calls): each with its own
 * connection to one real redis-server, they enforce one limit together, and
 * when Redis goes away each keeps answering from its own count.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { RedisServer } from '@/tests/support/redisServer'
import { QUOTA_DEADLINE_MS } from './FallbackQuotaLimiter'
import { openRedisHttpQuotas, type RedisHttpQuotas } from './redisHttpQuotas'

let server: RedisServer
const opened: RedisHttpQuotas[] = []
beforeAll(async () => {
  server = await RedisServer.start()
})
afterEach(async () => {
  for (const quotas of opened.splice(0)) await quotas.close()
})
afterAll(async () => {
  await server?.destroy()
})

/**
 * One app server's quotas, with a logger to read its warnings from. Waits up
 * to `timeoutMs` for Redis: long by default, so a loaded test machine never
 * has a quota decided in the process where the test expects Redis to decide.
 */
function appServer(env: Record<string, string> = {}, timeoutMs = 10_000) {
  const logger = { warn: vi.fn() }
  const shared = openRedisHttpQuotas(server.config, logger, env, { timeoutMs })
  opened.push(shared)
  return { quotas: shared.quotas, redis: shared.redis, logger }
}

describe('HTTP quotas shared through Redis', () => {
  it('two servers enforce one limit: 20 boards an hour split across both, the 21st refused on either', async () => {
    const a = appServer()
    const b = appServer()
    for (let i = 0; i < 20; i++) {
      const decision = await (i % 2 === 0 ? a : b).quotas.roomCreation('guest:olga')
      expect(decision).toEqual({ ok: true, remaining: 19 - i })
    }
    for (const s of [a, b]) {
      const refused = await s.quotas.roomCreation('guest:olga')
      expect(refused.ok).toBe(false)
      if (!refused.ok) {
        expect(refused.retryAfterMs).toBeGreaterThan(59 * 60 * 1000)
        expect(refused.retryAfterMs).toBeLessThanOrEqual(60 * 60 * 1000)
      }
    }
    // Another user has a quota of their own.
    expect((await b.quotas.roomCreation('guest:obi')).ok).toBe(true)
    expect(a.logger.warn).not.toHaveBeenCalled()
  })

  it('guest sign-ins and recording bytes are shared too: the byte budget adds chunk sizes from both servers', async () => {
    const a = appServer({ QUOTA_GUEST_SIGNINS_PER_IP_PER_10_MIN: '3', QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE: '1000' })
    const b = appServer({ QUOTA_GUEST_SIGNINS_PER_IP_PER_10_MIN: '3', QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE: '1000' })
    expect((await a.quotas.guestSignIn('10.0.0.9')).ok).toBe(true)
    expect((await b.quotas.guestSignIn('10.0.0.9')).ok).toBe(true)
    expect((await a.quotas.guestSignIn('10.0.0.9')).ok).toBe(true)
    expect((await b.quotas.guestSignIn('10.0.0.9')).ok).toBe(false)
    expect(await a.quotas.audioBytes('guest:olga', 600)).toEqual({ ok: true, remaining: 400 })
    expect((await b.quotas.audioBytes('guest:olga', 500)).ok).toBe(false)
    expect(await b.quotas.audioBytes('guest:olga', 400)).toEqual({ ok: true, remaining: 0 })
  })

  it('with Redis down each server counts on its own (never down, never unlimited), with a throttled warning; back up, shared again', async () => {
    const env = { QUOTA_ROOMS_PER_USER_PER_HOUR: '2' }
    // The production deadline: Redis refusing connections fails takes at once anyway.
    const a = appServer(env, QUOTA_DEADLINE_MS)
    const b = appServer(env, QUOTA_DEADLINE_MS)
    expect((await a.quotas.roomCreation('guest:ada')).ok).toBe(true)
    await server.stop()
    try {
      const started = Date.now()
      const decisions = []
      for (let i = 0; i < 3; i++) decisions.push((await a.quotas.roomCreation('guest:ada')).ok)
      expect(decisions).toEqual([true, true, false])
      expect((await b.quotas.roomCreation('guest:ada')).ok).toBe(true)
      expect(Date.now() - started).toBeLessThan(5_000)
      // Four failed takes on server a, one warning line (the rest held back for 5 s).
      const warnings = a.logger.warn.mock.calls.filter(([, message]) => /HTTP quotas/.test(String(message)))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]![0]).toMatchObject({ quota: 'rooms' })
    } finally {
      await server.restart()
    }
    // Once both servers have reconnected they share the count again. (A fresh user: a take that timed out during
    // the outage may still reach Redis once it is back and count for ada, erring towards the limit.)
    await vi.waitFor(() => expect([a.redis.status, b.redis.status]).toEqual(['ready', 'ready']), {
      timeout: 15_000,
      interval: 100,
    })
    expect(await a.quotas.roomCreation('guest:bea')).toEqual({ ok: true, remaining: 1 })
    expect(await b.quotas.roomCreation('guest:bea')).toEqual({ ok: true, remaining: 0 })
    expect((await a.quotas.roomCreation('guest:bea')).ok).toBe(false)
  })
})
