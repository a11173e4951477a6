import { describe, expect, it } from 'vitest'
import type { BoardGraph } from '../boardGraph'
import { board } from '../testBoards'
import { singlePointOfFailure } from './singlePointOfFailure'

/** Client → LB → three app servers: the usual front, so only the block under test can fire. */
const front = () =>
  board()
    .block('client', 'client')
    .block('lb', 'load-balancer')
    .block('app', 'stateless-service', { label: 'App', annotation: '3 instances' })
    .arrow('client', 'lb', { protocol: 'HTTP' })
    .arrow('lb', 'app', { protocol: 'HTTP' })

/** The front with one store behind the app. */
const withStore = (kind: string, annotation = '', label?: string) =>
  front().block('store', kind, { annotation, label }).arrow('app', 'store', { label: 'writes' })

/** Shape ids of each finding, after checking every finding is a high SPOF. */
function spofs(graph: BoardGraph): string[][] {
  const findings = singlePointOfFailure({ graph, problem: null })
  for (const f of findings) expect([f.check, f.severity]).toEqual(['single-point-of-failure', 'high'])
  return findings.map((f) => f.shapeIds)
}

describe('singlePointOfFailure', () => {
  it.each<[string, BoardGraph, string[][]]>([
    // Stateful blocks with one copy.
    ['a lone SQL database', withStore('sql-database').graph(), [['store']]],
    ['a lone key-value store', withStore('key-value-store', '10K QPS').graph(), [['store']]],
    ['a lone distributed cache (stateful although it is a cache)', withStore('distributed-cache').graph(), [['store']]],
    ['a lone message queue', withStore('message-queue').graph(), [['store']]],
    ['a lone Kafka log', withStore('kafka-log', '1M msg/s, 32 partitions').graph(), [['store']]],
    [
      // Regression: the app's "3 instances" used to count as the database's redundancy.
      'a DB next to a service that states its own instances',
      withStore('sql-database', '5–20 ms').graph(),
      [['store']],
    ],
    [
      // Regression: a neighbour's "cluster" says nothing about this block unless it is a copy of it.
      'a DB next to a Redis cluster',
      withStore('sql-database')
        .block('cache', 'distributed-cache', { annotation: 'cluster, TTL 60 s' })
        .arrow('app', 'cache', { protocol: 'Redis' })
        .arrow('cache', 'store', { label: 'load on miss' })
        .graph(),
      [['store']],
    ],
    [
      'a replica block drawn but not connected to the DB',
      withStore('sql-database').block('replicas', 'read-replicas').graph(),
      [['store']],
    ],
    // Services that clients hit directly.
    [
      'a client wired straight to one service',
      board()
        .block('client', 'client')
        .block('api', 'stateless-service', { label: 'API' })
        .arrow('client', 'api', { protocol: 'HTTP' })
        .graph(),
      [['api']],
    ],
    [
      'a numbers line without an instance count',
      board()
        .block('client', 'client')
        .block('api', 'stateless-service', { annotation: '10K RPS' })
        .arrow('client', 'api', { protocol: 'HTTP' })
        .graph(),
      [['api']],
    ],
    [
      'two clients on one service: one finding',
      board()
        .block('web', 'client')
        .block('mobile', 'client')
        .block('ws', 'websocket-gateway')
        .arrow('web', 'ws', { protocol: 'WebSocket' })
        .arrow('mobile', 'ws', { protocol: 'WebSocket' })
        .graph(),
      [['ws']],
    ],
    [
      'a direct service and a lone DB: both, in board order',
      board()
        .block('client', 'client')
        .block('api', 'monolith')
        .block('db', 'sql-database')
        .arrow('client', 'api', { protocol: 'HTTP' })
        .arrow('api', 'db', { protocol: 'SQL' })
        .graph(),
      [['api'], ['db']],
    ],
  ])('fires: %s', (_, graph, expected) => {
    expect(spofs(graph)).toEqual(expected)
  })

  it.each<[string, BoardGraph]>([
    // Redundancy from a connected block.
    [
      'a DB with a connected read-replicas block',
      withStore('sql-database')
        .block('replicas', 'read-replicas')
        .arrow('store', 'replicas', { label: 'replication' })
        .graph(),
    ],
    [
      'a DB with a failover block',
      withStore('sql-database')
        .block('failover', 'failover')
        .arrow('store', 'failover', { label: 'heartbeat' })
        .graph(),
    ],
    [
      'a DB next to a second DB labelled as its replica',
      withStore('sql-database', '', 'Orders DB')
        .block('replica', 'sql-database', { label: 'Orders read replica' })
        .arrow('store', 'replica', { label: 'async replication' })
        .graph(),
    ],
    // Redundancy stated on the number line or in the label.
    ['annotation "3 replicas"', withStore('sql-database', '3 replicas').graph()],
    ['annotation "primary + standby"', withStore('sql-database', 'primary + standby').graph()],
    ['annotation "RF=3"', withStore('wide-column-store', 'RF=3').graph()],
    ['annotation "multi-AZ"', withStore('sql-database', 'multi-AZ').graph()],
    ['annotation "active-passive"', withStore('sql-database', 'active-passive').graph()],
    // Regression: counts of 10 and more, and "3×", used to be missed.
    ['annotation "12 brokers"', withStore('kafka-log', '12 brokers').graph()],
    ['annotation "3× nodes"', withStore('key-value-store', '3× nodes').graph()],
    ['label "Redis cluster"', withStore('distributed-cache', 'TTL 60 s', 'Redis cluster').graph()],
    // Services behind a balancer, or with a stated count.
    ['the app behind a load balancer (front alone)', front().graph()],
    [
      'a client to a service with "3 instances"',
      board()
        .block('client', 'client')
        .block('api', 'stateless-service', { annotation: '3 instances' })
        .arrow('client', 'api', { protocol: 'HTTP' })
        .graph(),
    ],
    [
      'a client to a service with "auto-scaling"',
      board()
        .block('client', 'client')
        .block('api', 'stateless-service', { annotation: 'auto-scaling, 50 ms p99' })
        .arrow('client', 'api', { protocol: 'HTTP' })
        .graph(),
    ],
    [
      'a client to WebSocket servers with "20K servers"',
      board()
        .block('client', 'client')
        .block('ws', 'websocket-gateway', { annotation: '100K conns each, 20K servers' })
        .arrow('client', 'ws', { protocol: 'WebSocket' })
        .graph(),
    ],
    [
      // Regression: a push towards the client is not the client reaching the service.
      'a notification service pushing to the client',
      front()
        .block('push', 'notification-service', { label: 'Push (APNs)' })
        .arrow('app', 'push', { protocol: 'Kafka' })
        .arrow('push', 'client', { label: 'push', mode: 'async' })
        .graph(),
    ],
    // Blocks that hold no state worth a second copy.
    ['a bloom filter, even alone', withStore('bloom-filter', '1% false positives').graph()],
    ['a count-min sketch', withStore('counting-sketch').graph()],
    ['a trie', withStore('trie').graph()],
    ['a Merkle tree', withStore('merkle-tree').graph()],
    ['an in-process cache (one per instance)', withStore('in-process-cache').graph()],
    // Managed and derived stores: replicated by design, or rebuilt from the source of truth.
    ['object storage', withStore('object-storage', 'S3').graph()],
    ['a data warehouse fed by the app', withStore('data-warehouse', 'hourly batch load', 'Analytics').graph()],
    ['a data lake', withStore('data-lake').graph()],
    ['a load balancer or a gateway itself', board().block('lb', 'load-balancer').block('gw', 'api-gateway').graph()],
    ['an empty board', board().graph()],
    [
      'a block of a kind this release does not know',
      { nodes: [{ id: 'x', kind: 'quantum-db', group: null, label: 'Q', annotation: '' }], edges: [] },
    ],
  ])('does not fire: %s', (_, graph) => {
    expect(spofs(graph)).toEqual([])
  })

  it('names the block by its label, else its catalog name', () => {
    const [labelled] = singlePointOfFailure({
      graph: withStore('sql-database', '', 'Orders DB').graph(),
      problem: null,
    })
    const [unnamed] = singlePointOfFailure({ graph: withStore('sql-database', '', ' ').graph(), problem: null })
    expect(labelled?.title).toBe('Orders DB is a single point of failure')
    expect(unnamed?.title).toBe('SQL database is a single point of failure')
  })
})
