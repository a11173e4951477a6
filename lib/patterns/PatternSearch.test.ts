import { describe, expect, it } from 'vitest'
import { blockCatalog, templateCatalog } from './catalog'
import { PatternSearch } from './PatternSearch'

const search = new PatternSearch(blockCatalog, templateCatalog)
const first = (query: string) => search.find(query)[0]?.entry.id

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
})
