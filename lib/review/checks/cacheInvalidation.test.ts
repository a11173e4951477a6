import { describe, expect, it } from 'vitest'
import type { BoardGraph } from '../boardGraph'
import { board, type ArrowOptions, type BlockOptions } from '../testBoards'
import { cacheInvalidation } from './cacheInvalidation'

/** An app reading through a Redis cache in front of its DB. */
const cached = (cache: BlockOptions = {}, arrow: ArrowOptions = { protocol: 'Redis' }, kind = 'distributed-cache') =>
  board()
    .block('app', 'stateless-service', { annotation: '3 instances' })
    .block('cache', kind, { label: 'Redis', annotation: 'cluster', ...cache })
    .block('db', 'sql-database', { annotation: '3 replicas' })
    .arrow('app', 'cache', arrow)
    .arrow('app', 'db', { protocol: 'SQL' })

describe('cacheInvalidation', () => {
  it.each<[string, BoardGraph, string[][]]>([
    ['a cache with no TTL or strategy', cached().graph(), [['cache']]],
    ['an in-process cache with none either', cached({}, { label: 'get' }, 'in-process-cache').graph(), [['cache']]],
    [
      'a strategy block on the board but not attached to the cache',
      cached().block('aside', 'cache-aside').arrow('app', 'aside', { label: 'pattern' }).graph(),
      [['cache']],
    ],
    [
      'an "invalidate" arrow elsewhere on the board',
      cached().block('cdn', 'cdn').arrow('app', 'cdn', { label: 'HTTP · invalidate' }).graph(),
      [['cache']],
    ],
    [
      // Regression: "ttl" inside a word ("throttle") used to count as a TTL.
      'a cache labelled "Throttle counters"',
      cached({ label: 'Throttle counters', annotation: 'cluster, INCR' }).graph(),
      [['cache']],
    ],
    [
      'two caches: each reported',
      cached().block('local', 'in-process-cache').arrow('app', 'local', { label: 'get' }).graph(),
      [['cache'], ['local']],
    ],
  ])('fires: %s', (_, graph, expected) => {
    const findings = cacheInvalidation({ graph, problem: null })
    for (const f of findings) expect([f.check, f.severity]).toEqual(['cache-invalidation', 'medium'])
    expect(findings.map((f) => f.shapeIds)).toEqual(expected)
  })

  it.each<[string, BoardGraph]>([
    ['annotation "TTL 60 s"', cached({ annotation: 'TTL 60 s' }).graph()],
    ['annotation "cluster, TTL 1 h"', cached({ annotation: 'cluster, TTL 1 h' }).graph()],
    ['annotation "expires after 5 min"', cached({ annotation: 'expires after 5 min' }).graph()],
    ['label "Write-through cache"', cached({ label: 'Write-through cache' }).graph()],
    ['annotation "LRU, 10 GB"', cached({ annotation: 'LRU, 10 GB' }).graph()],
    [
      'a connected cache-aside block',
      cached().block('aside', 'cache-aside').arrow('cache', 'aside', { label: 'pattern' }).graph(),
    ],
    [
      'a connected cache-invalidation block',
      cached().block('inv', 'cache-invalidation').arrow('inv', 'cache', { label: 'on write' }).graph(),
    ],
    ['an arrow labelled "invalidate"', cached({}, { label: 'invalidate' }).graph()],
    ['an arrow labelled "Redis · SET with TTL"', cached({}, { label: 'Redis · SET with TTL' }).graph()],
    [
      "a CDN or semantic cache is not this check's concern",
      board().block('cdn', 'cdn').block('sem', 'semantic-cache').graph(),
    ],
  ])('does not fire: %s', (_, graph) => {
    expect(cacheInvalidation({ graph, problem: null })).toEqual([])
  })
})
