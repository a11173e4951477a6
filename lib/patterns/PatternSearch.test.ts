import { describe, expect, it } from 'vitest'
import { blockCatalog, templateCatalog } from './catalog'
import { PatternSearch } from './PatternSearch'

const search = new PatternSearch(blockCatalog, templateCatalog)
const first = (query: string) => search.find(query)[0]?.entry.id
const ids = (query: string, n = 20) => search.find(query, n).map((hit) => hit.entry.id)

describe('PatternSearch', () => {
  // Each row: what a candidate types under time pressure, and the block they mean.
  it.each([
    ['LB', 'load-balancer'],
    ['ELB', 'load-balancer'],
    ['nginx', 'load-balancer'],
    ['load balancer', 'load-balancer'],
    ['laod balancer', 'load-balancer'],
    ['lod balancer', 'load-balancer'],
    ['CDN', 'cdn'],
    ['Kafka', 'kafka-log'],
    ['kafak', 'kafka-log'],
    ['Redis', 'distributed-cache'],
    ['redsi', 'distributed-cache'],
    ['Postgres', 'sql-database'],
    ['postgers', 'sql-database'],
    ['websocket', 'websocket'],
    ['websockt', 'websocket'],
    ['circuit breaker', 'circuit-breaker'],
    ['circuit braker', 'circuit-breaker'],
    ['rate limiter', 'rate-limiter'],
    ['rate limitr', 'rate-limiter'],
    ['gRPC', 'grpc'],
    ['S3', 'object-storage'],
    ['Cassandra', 'wide-column-store'],
    ['cassandar', 'wide-column-store'],
    ['Elasticsearch', 'search-index'],
    ['DynamoDB', 'key-value-store'],
    ['CRDT', 'crdt'],
    ['saga', 'saga'],
    ['bloom filter', 'bloom-filter'],
    ['blom filter', 'bloom-filter'],
    ['API gateway', 'api-gateway'],
    ['ap gateway', 'api-gateway'],
    ['vector db', 'vector-database'],
    ['RAG', 'rag-pipeline'],
    ['Snowflake', 'id-generator'],
  ])('"%s" finds %s first', (query, id) => {
    expect(first(query)).toBe(id)
  })

  it('finds templates by name and alias', () => {
    expect(first('url shortener')).toBe('url-shortener-starter')
    expect(first('celebrity problem')).toBe('fan-out-hybrid')
    expect(search.find('outbox').map((hit) => hit.entry.id)).toEqual(
      expect.arrayContaining(['transactional-outbox', 'outbox-cdc'])
    )
  })

  it('returns nothing for a blank query and nothing for gibberish', () => {
    expect(search.find('   ')).toEqual([])
    expect(search.find('qqxzzv')).toEqual([])
  })

  describe('ranks names and aliases before card text', () => {
    it('"kafka": Kafka, then the stream processor (alias Kafka Streams); no CDN ("Akamai") or Metrics ("Grafana")', () => {
      expect(ids('kafka')).toEqual(['kafka-log', 'stream-processor'])
      expect(ids('kafka')).not.toContain('cdn')
      expect(ids('kafka')).not.toContain('metrics')
    })

    it('"lb" is the load balancer and nothing that merely holds an l and a b', () => {
      expect(ids('lb')).toEqual(['load-balancer'])
    })

    it('"cache": the distributed cache, then names starting with cache, then the other caches', () => {
      expect(ids('cache', 4)).toEqual([
        'distributed-cache',
        'cache-aside',
        'cache-invalidation',
        'cache-aside-read-replicas',
      ])
      const rest = ids('cache')
      for (const id of ['in-process-cache', 'read-through-cache', 'write-through-cache', 'semantic-cache'])
        expect(rest).toContain(id)
    })

    it('"queue": the message queue, then the other queues', () => {
      expect(ids('queue', 3)).toEqual(['message-queue', 'priority-queue', 'dead-letter-queue'])
    })

    it('a typo: "rediss" finds Redis (the distributed cache) first, then the Redis-named blocks', () => {
      expect(ids('rediss', 3)).toEqual(['distributed-cache', 'redis-pub-sub', 'redis-streams'])
    })

    it('a word of a name ranks after a name that starts with the query', () => {
      expect(ids('fan out')[0]).toBe('fan-out-service')
      expect(ids('balancer')).toEqual(['load-balancer'])
    })

    it('every word of a several-word query may match with a slip', () => {
      expect(first('consitent hash')).toBe('consistent-hashing')
      expect(first('laod balnacer')).toBe('load-balancer')
    })

    it('card text is searched only when no name or alias matches, and says so', () => {
      // "Kafka" is in the stream processor's and Redis streams' card prose, but names win.
      expect(search.rank('kafka').map((r) => r.match)).toEqual(['exact', 'prefix'])
      const fromCards = search.rank('hot partition')
      expect(fromCards.length).toBeGreaterThan(0)
      expect(fromCards.every((r) => r.match === 'card')).toBe(true)
      expect(fromCards.map((r) => r.hit.entry.id)).toContain('key-value-store')
    })
  })
})
