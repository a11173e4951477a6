import type { BlockEntry } from '../catalogSchema'

/**
 * Data stores, continued: the data structures a design names (trie, sorted set,
 * Bloom filter, sketches, Merkle tree) and the event store, listed after `dataStoresBlocks`.
 */
export const dataStructuresBlocks: BlockEntry[] = [
  {
    id: 'trie',
    name: 'Trie',
    aliases: ['prefix tree', 'radix tree', 'prefix index'],
    group: 'data-stores',
    icon: 'ListTree',
    card: {
      what: 'A prefix tree where each node stores the top-K completions for its prefix, so a lookup costs O(prefix length) and returns suggestions immediately.',
      when: 'Autocomplete and typeahead. Build it offline from aggregated query counts, shard it by prefix, and keep hot prefixes in a cache in front.',
      tradeoffs:
        'Very fast reads, but memory-hungry and awkward to update in place; rebuild in batch and swap it in, accepting suggestions that are minutes to hours stale.',
      numbers:
        '~10 GB per trie; lookup <50 ms. Cache tiers absorb most traffic: client ~30% of hits, Redis ~60%, the trie itself ~10%.',
    },
    annotation: 'top-10 per node',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Core Data Structure: Trie (Prefix Tree)' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'sorted-set',
    name: 'Sorted set / leaderboard',
    aliases: ['ZSET', 'Redis sorted set', 'leaderboard', 'ZADD', 'ZREVRANGE'],
    group: 'data-stores',
    icon: 'Crown',
    card: {
      what: 'A set of members kept ordered by a numeric score (Redis ZSET, a skip list inside), with O(log n) inserts, score updates and rank lookups.',
      when: 'Leaderboards, top-K lists, feed caches scored by timestamp, delayed jobs scored by due time, sliding-window rate limits.',
      tradeoffs:
        'Rank and range reads are instant, but each set lives in memory on a single shard; very large boards need splitting by score range or approximate global ranks.',
      numbers:
        'Top-10 in O(log N + 10), rank in O(log N); 10M players × ~100 B ≈ 1 GB. Feed sets are trimmed to ~800 post IDs.',
    },
    annotation: '10M players',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Data Model (Redis Sorted Set)' },
      { source: '002_166e20fca8cfff70.txt', section: 'Redis Data Structures' },
    ],
  },
  {
    id: 'bloom-filter',
    name: 'Bloom filter',
    aliases: ['Bloom', 'membership filter'],
    group: 'data-stores',
    icon: 'ListFilter',
    card: {
      what: 'A bit array set by k hash functions that answers "definitely absent" or "maybe present": false positives can happen, false negatives cannot.',
      when: 'Skip costly lookups for keys that do not exist: username availability, crawler URL dedup, cache or DB pre-checks, per-SSTable checks in LSM stores, skipping search shards.',
      tradeoffs:
        'Tiny and constant-time, but plain filters cannot delete items, and the false-positive rate climbs as the filter fills, so size it for the expected item count.',
      // Seed 001 says 10B URLs at 1% ≈ 1.5 GB: that is ~1.2 bits per item (~50% false positives). The formula
      // gives ~9.6 bits per item at 1%, so 10B items ≈ 12 GB (Bloom 1970; Broder & Mitzenmacher 2004).
      numbers:
        'Bits m = −n·ln p / (ln 2)²: ~9.6 bits per item at 1% with k ≈ 7. 1M items ≈ 1.2 MB; 10M users ≈ 12 MB; 10B URLs ≈ 12 GB. Medium cut DB queries by ~90%.',
    },
    annotation: '1% false positives',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Bloom Filter (Space-Efficient Set Membership)' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Probabilistic Data Structures' },
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 11: Bloom Filter' },
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'counting-sketch',
    name: 'HyperLogLog / count-min sketch',
    aliases: ['HyperLogLog', 'HLL', 'count-min sketch', 'CMS', 'PFCOUNT', 'cardinality estimate'],
    group: 'data-stores',
    icon: 'Sigma',
    card: {
      what: 'Fixed-size sketches that count approximately: HyperLogLog estimates how many distinct items were seen; a count-min sketch estimates how often each item occurred.',
      when: 'Unique viewers or visitors, distinct queries, trending hashtags and heavy hitters over streams, where exact counts would need memory per item.',
      tradeoffs:
        'Memory stays constant however big the stream, but answers are estimates: HLL has a small relative error, and count-min may overcount but never undercounts.',
      numbers: 'HyperLogLog counts ~1B distinct items in 12 KB with ~0.81% standard error (Redis PFADD/PFCOUNT).',
    },
    annotation: '12 KB, 0.81% error',
    sources: [
      '002_166e20fca8cfff70.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Probabilistic Data Structures' },
    ],
  },
  {
    id: 'merkle-tree',
    name: 'Merkle tree',
    aliases: ['hash tree', 'Merkle'],
    group: 'data-stores',
    icon: 'GitFork',
    card: {
      what: 'A tree of hashes where each parent hashes its children. Two replicas compare root hashes and walk down only the branches that differ.',
      when: 'Anti-entropy repair between replicas in Dynamo-style stores, syncing files, and proving a large dataset or log has not been altered.',
      tradeoffs:
        'Finds differences with very few comparisons, but trees must be rebuilt when data or key ranges move; overkill for small datasets or strongly consistent stores.',
      numbers:
        '1M items: ~20 hash comparisons instead of 1M; trees 15–20 levels deep. Cassandra repair rebuilds them roughly weekly.',
    },
    annotation: 'depth 20',
    sources: [{ source: '001_49db91e9f3f145ef.txt', section: '1.5.2 Merkle Tree' }, '000_660079a65f9868b6.txt'],
  },
  {
    id: 'event-store',
    name: 'Event store / operation log',
    aliases: ['operation log', 'op log', 'EventStoreDB', 'version history'],
    group: 'data-stores',
    icon: 'ScrollText',
    card: {
      what: 'An append-only, ordered record of every event or edit, keyed by entity and time. Current state is derived by replaying the entries.',
      when: 'Version history and undo (Google Docs stores each edit keyed by doc_id and timestamp), audit trails, event-sourced services, rebuilding read models.',
      tradeoffs:
        'Full history and replay come for free, but the log grows without end, so snapshot periodically; evolving old event formats and long replays need planning.',
      numbers:
        'One row per operation, partitioned by doc_id and sorted by time; replay from the last snapshot. Replicate across regions async: sync would add a cross-region round trip (~70–170 ms) to every edit.',
    },
    annotation: 'append-only',
    sources: ['001_49db91e9f3f145ef.txt', { source: '004_883ce214cd1f0ecf.txt', section: 'Event-Driven Architecture' }],
  },
]
