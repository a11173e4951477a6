import { describe, expect, it } from 'vitest'
import { getProblem } from './problemBank'

/**
 * Checklist items are ticked by any one of their `kinds`. A kind that does
 * not by itself satisfy the item lets a wrong design pass, so these pairs
 * (problem, item, block that must not tick it) pin the tightened mappings.
 */
const mustNotTick: [problem: string, item: string, kind: string][] = [
  // Quorum reads/writes are not consensus: no single ordered log, no leader.
  ['distributed-lock-service', 'replicated by consensus', 'quorum'],
  // A coordination service is the centralized membership the item rules out.
  ['distributed-kv-store', 'Decentralized membership', 'coordination-service'],
  ['distributed-kv-store', 'storage engine', 'key-value-store'],
  // Image compression is not segmented adaptive streaming.
  ['youtube', 'ABR streaming', 'compression'],
  ['youtube', 'transcoding workers', 'message-queue'],
  ['youtube', 'Metadata DB sharded', 'sql-database'],
  ['netflix', 'bitrate ladder', 'compression'],
  // A plain relational database is neither a graph store, a state machine nor a snapshot.
  ['twitter', 'Social graph', 'sql-database'],
  ['uber', 'Trip state machine', 'sql-database'],
  ['google-docs', 'snapshots', 'sql-database'],
  ['google-docs', 'snapshots', 'object-storage'],
  ['instagram', 'Metadata DB sharded', 'sql-database'],
  ['dropbox', 'sharded by user', 'sql-database'],
  ['quora', 'sharded', 'sql-database'],
  ['quora', 'OLTP separated from analytics', 'wide-column-store'],
  // An async multi-region store cannot promise "never oversell".
  ['inventory-no-oversell', 'home region', 'wide-column-store'],
  ['inventory-no-oversell', 'home region', 'multi-region-dr'],
  ['inventory-no-oversell', 'Atomic decrement', 'distributed-cache'],
  ['flash-sale', 'Atomic stock decrement', 'distributed-cache'],
  ['ecommerce-checkout', 'read model', 'read-replicas'],
  ['web-crawler', 'URL frontier', 'message-queue'],
  ['typeahead', 'hot swap', 'object-storage'],
  ['video-processing-pipeline', 'Job status store', 'key-value-store'],
  // A cache or a database on the board is not a Bloom filter.
  ['has-user-read', 'One Bloom filter per user', 'distributed-cache'],
  ['bloom-filter-lld', 'Bit array with k hash positions', 'distributed-cache'],
  // Plain sharding is not a ring with virtual nodes.
  ['hash-ring-lld', 'virtual nodes per physical node', 'sharding'],
  // Two-phase commit is the alternative a saga avoids, not a saga.
  ['saga-orchestrator-lld', 'compensations run in reverse', 'two-phase-commit'],
  // A cache holding seats does not claim one atomically.
  ['movie-booking-lld', 'Seat claimed', 'distributed-cache'],
  ['redis-lock-lld', 'compare-and-delete release', 'distributed-cache'],
  // A relational table of profiles is not a location index.
  ['tinder', 'indexed by location', 'sql-database'],
  ['pinterest', 'Images on a CDN', 'object-storage'],
  ['local-delivery', 'Courier locations indexed', 'sql-database'],
  // A cache read-modify-write cannot guarantee the last room or the highest bid.
  ['hotel-reservation', 'Reserved count raised', 'distributed-cache'],
  ['online-auction', 'Bid accepted by a conditional update', 'distributed-cache'],
  // A mutable balance table is not an append-only ledger.
  ['digital-wallet', 'Append-only ledger', 'sql-database'],
  ['metrics-monitoring', 'Time-series database', 'sql-database'],
  // A log keeps offsets, not the processor's window state.
  ['ad-click-aggregation', 'Checkpointed state', 'kafka-log'],
  // A point-to-point queue delivers each message to one consumer, not to every subscriber.
  ['nearby-friends', 'One pub/sub channel per user', 'message-queue'],
  ['live-comments', 'Pub/sub channel per stream', 'message-queue'],
  // Read replicas do not take over matching.
  ['stock-exchange', 'Hot standby engine', 'read-replicas'],
  // Drawing an object-storage block does not design one.
  ['object-store', 'Multipart upload', 'object-storage'],
  ['object-store', 'Background scrubbing', 'replication'],
  // A time-series database is not an operation log; tiering moves cold data, it does not expire it.
  ['google-docs', 'Append-only operation log', 'time-series-db'],
  ['instagram', 'Stories expire via TTL', 'data-tiering'],
]

describe('checklist mappings', () => {
  it.each(mustNotTick)('%s: "%s" is not ticked by %s', (problemId, itemText, kind) => {
    const problem = getProblem(problemId)
    expect(problem, problemId).toBeDefined()
    const items = problem!.checklist.filter((c) => c.item.includes(itemText))
    expect(items.length, `${problemId}: no item containing "${itemText}"`).toBe(1)
    expect(items[0]!.kinds).not.toContain(kind)
    expect(items[0]!.kinds.length, 'the item must stay tickable').toBeGreaterThan(0)
  })

  it('items no block can show are ticked by hand, not by a block that only looks related', () => {
    const item = (problemId: string, text: string) =>
      getProblem(problemId)!.checklist.find((c) => c.item.includes(text))
    expect(item('search-system', 'Tokenize')?.kinds).toEqual([])
    expect(item('location-service-lld', 'Expiry of stale driver positions')?.kinds).toEqual([])
  })

  it('no item of the object-store problem is ticked by drawing an object-storage block', () => {
    const kinds = getProblem('object-store')!.checklist.flatMap((c) => c.kinds)
    expect(kinds).not.toContain('object-storage')
  })
})
