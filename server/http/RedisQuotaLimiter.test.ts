/**
 * The Redis quota store against real redis-servers (started by the test
 * support modules on free loopback ports): the quota contract on one node
 * and on a Redis Cluster, then what only Redis has: key names and expiry,
 * Redis's own clock, and no writes on a refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RedisCluster } from '@/tests/support/redisCluster'
import { RedisServer } from '@/tests/support/redisServer'
import { connectRedis, type RedisClient } from '../redis/redisConnection'
import { RedisQuotaLimiter } from './RedisQuotaLimiter'
import { quotaLimiterContract } from './quotaLimiterContract'

describe('RedisQuotaLimiter on one node', () => {
  let server: RedisServer
  let redis: RedisClient
  beforeAll(async () => {
    server = await RedisServer.start()
    redis = connectRedis(server.config)
  })
  afterAll(async () => {
    await redis?.quit()
    await server?.destroy()
  })

  describe('the quota contract', () => {
    quotaLimiterContract((spec, now) => new RedisQuotaLimiter(redis, spec, { prefix: 'mb:', now }))
  })

  it('keeps each key in one sorted set under the prefix, which expires one window after its last event', async () => {
    let now = 5_000_000
    const limiter = new RedisQuotaLimiter(
      redis,
      { name: 'expiry', limit: 3, windowMs: 60_000 },
      { prefix: 'mb:', now: () => now }
    )
    const key = limiter.keyOf('guest:olga')
    expect(key).toBe('mb:quota:expiry:guest:olga')
    await limiter.take('guest:olga')
    expect(await redis.type(key)).toBe('zset')
    const ttl = await redis.pttl(key)
    expect(ttl).toBeGreaterThan(55_000)
    expect(ttl).toBeLessThanOrEqual(60_000)
    now += 1_000
    await limiter.take('guest:olga', 2)
    expect(await redis.zcard(key)).toBe(2)
    // A refusal writes nothing, and leaves the expiry alone.
    await redis.pexpire(key, 30_000)
    expect((await limiter.take('guest:olga')).ok).toBe(false)
    expect(await redis.zcard(key)).toBe(2)
    expect(await redis.pttl(key)).toBeLessThanOrEqual(30_000)
    // Events that left the window are removed from the set.
    now += 60_000
    expect(await limiter.take('guest:olga')).toEqual({ ok: true, remaining: 2 })
    expect(await redis.zcard(key)).toBe(1)
  })

  it('slides on the Redis server’s clock when given none, and the key vanishes when its window has passed', async () => {
    const limiter = new RedisQuotaLimiter(redis, { name: 'server-clock', limit: 2, windowMs: 400 }, { prefix: 'mb:' })
    expect((await limiter.take('ip')).ok).toBe(true)
    expect((await limiter.take('ip')).ok).toBe(true)
    const refused = await limiter.take('ip')
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.retryAfterMs).toBeGreaterThan(0)
      expect(refused.retryAfterMs).toBeLessThanOrEqual(400)
      await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 20))
    }
    expect((await limiter.take('ip')).ok).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 450))
    expect(await redis.exists(limiter.keyOf('ip'))).toBe(0)
  })

  it('refuses limits Redis could not count in whole units', () => {
    expect(() => new RedisQuotaLimiter(redis, { name: 'x', limit: 0, windowMs: 1_000 }, { prefix: 'mb:' })).toThrow()
    expect(() => new RedisQuotaLimiter(redis, { name: 'x', limit: 1, windowMs: 0.5 }, { prefix: 'mb:' })).toThrow()
  })
})

describe('RedisQuotaLimiter on a Redis Cluster: the quota contract', () => {
  let cluster: RedisCluster
  let redis: RedisClient
  beforeAll(async () => {
    cluster = await RedisCluster.start({ primaries: 3, replicasPerPrimary: 0 })
    redis = connectRedis(cluster.config)
  })
  afterAll(async () => {
    await redis?.quit()
    await cluster?.destroy()
  })

  quotaLimiterContract((spec, now) => new RedisQuotaLimiter(redis, spec, { prefix: 'mb:', now }))
})
