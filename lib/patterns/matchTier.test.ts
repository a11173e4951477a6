import { describe, expect, it } from 'vitest'
import { matchTier, normalise } from './matchTier'

describe('matchTier', () => {
  it('orders exact, prefix, word prefix, typo and word-by-word matches', () => {
    expect(matchTier('Load balancer', ['LB'], 'lb')).toBeCloseTo(0.1)
    expect(matchTier('Load balancer', [], 'load balancer')).toBe(0)
    expect(matchTier('Load balancer', [], 'loadbalancer')).toBe(0)
    expect(matchTier('Load balancer', [], 'load')).toBe(1)
    expect(matchTier('Load balancer', [], 'bal')).toBe(1.5)
    expect(matchTier('Load balancer', [], 'laod balancer')).toBe(2)
    expect(matchTier('Circuit breaker', [], 'circut')).toBe(2.5)
    expect(matchTier('Consistent hashing', [], 'consitent hash')).toBe(3)
  })

  it('a name beats an alias in the same tier', () => {
    expect(matchTier('Kafka', ['Kafka Streams'], 'kafka')).toBe(0)
    expect(matchTier('Stream processor', ['Kafka Streams'], 'kafka')).toBeCloseTo(1.1)
  })

  it('letters scattered through a word or short typos never match', () => {
    expect(matchTier('CDN', ['Akamai'], 'kafka')).toBeNull()
    expect(matchTier('Metrics', ['Grafana'], 'kafka')).toBeNull()
    expect(matchTier('Strategy pattern', [], 'rate')).toBeNull()
    expect(matchTier('DNS', [], 'dn')).toBe(1)
    expect(matchTier('DNS', [], 'dsn')).toBeNull()
    expect(matchTier('Tool registry', [], 'redis')).toBeNull()
  })

  it('normalises case, hyphens and slashes to single spaces', () => {
    expect(normalise('  Pub/Sub  topic ')).toBe('pub sub topic')
    expect(normalise('Cache-aside')).toBe('cache aside')
  })
})
