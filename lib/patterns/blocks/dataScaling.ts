import type { BlockEntry } from '../catalogSchema'

/** Data-scaling techniques: how one database becomes many, and how writes, reads and bytes stay cheap. */
export const dataScalingBlocks: BlockEntry[] = [
  {
    id: 'replication',
    name: 'Replication',
    aliases: [
      'leader-follower',
      'primary-replica',
      'master-slave',
      'multi-leader',
      'leaderless',
      'sync replication',
      'async replication',
      'semi-sync replication',
    ],
    group: 'data-scaling',
    icon: 'Copy',
    card: {
      what: 'Keep copies of the same data on several nodes. Single-leader sends every write to one primary; multi-leader accepts writes in several places; leaderless lets any node take a write and relies on quorums.',
      when: 'For high availability (promote a copy when the primary dies), for spreading read load, and for serving users in several regions. Multi-leader fits active-active data centers.',
      tradeoffs:
        'Synchronous copies are durable but add latency; asynchronous ones are fast but can drop recent writes on a crash. Single-leader caps write throughput; multi-leader needs conflict resolution (LWW, merge, CRDTs).',
      // Seed 002 calls semi-sync "the MySQL default" and sync "~50 ms": MySQL replicates asynchronously by default
      // (MySQL manual, Replication); semi-sync is a plugin. A sync ack costs one round trip: ~1–2 ms within a region.
      numbers:
        'A sync replica adds one round trip per write: ~1–2 ms inside a region, ~70–170 ms across regions. MySQL and Postgres replicate asynchronously by default; semi-sync (one replica acks) is opt-in. Instagram ran one primary with 10 replicas.',
    },
    annotation: '1 primary + 2 replicas',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 4: Database Replication' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Database Replication Strategies' },
      { source: '002_166e20fca8cfff70.txt', section: 'Replication Models' },
      '003_00a63fccc9d8ea53.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Database Sharding & Replication' },
    ],
  },
  {
    id: 'read-replicas',
    name: 'Read replicas',
    aliases: ['read replica', 'replica lag', 'read scaling', 'bounded staleness'],
    group: 'data-scaling',
    icon: 'CopyPlus',
    card: {
      what: 'Follower copies of the database that serve only reads, fed asynchronously from the primary. The app routes writes to the primary and spreads reads across the followers.',
      when: 'Read-heavy workloads (100:1 and up) where one primary cannot keep up with queries. Try this, plus caching and indexes, before reaching for sharding.',
      tradeoffs:
        'Replicas lag, so a user may not see their own write. Fix with read-your-writes routing (read from the primary briefly after a write), monotonic reads, version checks or an optimistic UI. Writes do not scale.',
      numbers:
        'Read capacity grows about linearly with replicas: 5 replicas serve ~5x the reads of the primary alone. A common lag fix: pin the user to the primary for ~1 s after they write.',
    },
    annotation: '5 replicas',
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: '1. Database Replication' },
      '001_49db91e9f3f145ef.txt',
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 4: Database Replication' },
    ],
  },
  {
    id: 'quorum',
    name: 'Quorum reads/writes',
    aliases: ['quorum', 'N/R/W', 'W + R > N', 'LOCAL_QUORUM', 'tunable consistency'],
    group: 'data-scaling',
    icon: 'Vote',
    card: {
      what: 'Each key lives on N replicas; a write succeeds once W of them ack and a read asks R of them. If W + R > N, every read overlaps the latest write.',
      when: 'Leaderless, Dynamo-style stores (Cassandra, DynamoDB) where you want to tune consistency against latency per query, e.g. QUORUM or LOCAL_QUORUM in Cassandra.',
      tradeoffs:
        'Bigger W or R means stronger reads but slower, less available operations. W=1 favors fast writes, R=1 fast reads; W=1 with R=1 is effectively AP and can return stale data.',
      numbers:
        'N=3, W=2, R=2 is the classic setting and survives one node down. A 5-node group needs 3 to agree and tolerates 2 failures.',
    },
    annotation: 'N=3 W=2 R=2',
    sources: [
      '000_660079a65f9868b6.txt',
      { source: '002_166e20fca8cfff70.txt', section: 'Quorum Reads/Writes' },
      '004_883ce214cd1f0ecf.txt',
      { source: '001_49db91e9f3f145ef.txt', section: '3. Leaderless Replication (Quorum-Based)' },
    ],
  },
  {
    id: 'sharding',
    name: 'Sharding',
    aliases: [
      'partitioning',
      'horizontal partitioning',
      'shard key',
      'partition key',
      'hash sharding',
      'range sharding',
      'directory sharding',
      'federation',
      'Vitess',
    ],
    group: 'data-scaling',
    icon: 'LayoutGrid',
    card: {
      what: 'Split one dataset across many databases by a shard key: by hash (even spread), range (good for scans), a lookup directory (can move hot users), geography, or by function (users DB vs posts DB).',
      when: 'When data or write volume outgrows one machine even after replicas, caching, indexes and a bigger box. Saying "shard immediately" is a red flag.',
      tradeoffs:
        'Pick a high-cardinality, evenly used key (user_id, not a timestamp or auto-increment). Costs: cross-shard joins and transactions, hot shards, painful rebalancing; a directory adds a lookup hop.',
      numbers:
        'Seeds put the threshold at ~1 TB or ~10K QPS (another passage says 10 TB / 100K QPS). Instagram: 1,000 shards, each 1 primary + 2 replicas. YouTube: user_id % 1000, ~100 GB per shard.',
    },
    annotation: '1,000 shards by user_id',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 3: Database Sharding' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Database Sharding (Horizontal Partitioning)' },
      { source: '002_166e20fca8cfff70.txt', section: 'Sharding Strategies' },
      { source: '003_00a63fccc9d8ea53.txt', section: '1. Database Sharding' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Database Sharding & Replication' },
    ],
  },
  {
    id: 'consistent-hashing',
    name: 'Consistent hashing',
    aliases: ['hash ring', 'virtual nodes', 'vnodes', 'ring hashing'],
    group: 'data-scaling',
    icon: 'Orbit',
    card: {
      what: 'Place nodes and keys on a hash ring; a key belongs to the first node clockwise from it. Each physical node owns many virtual points so load spreads evenly.',
      // Redis Cluster is not a user: it maps CRC16(key) mod 16,384 to fixed hash slots (Redis Cluster spec; seed 002).
      when: 'Assigning keys to a changing set of cache nodes, DB partitions, WebSocket servers or crawler workers (Cassandra, DynamoDB, Memcached clients). Redis Cluster differs: CRC16(key) mod 16,384 picks one of fixed hash slots.',
      tradeoffs:
        'Adding or removing a node moves only ~K/N keys instead of almost all of them, at the cost of a ring lookup and vnode bookkeeping. Give stronger machines more vnodes.',
      numbers:
        'With hash % N, 1B keys on 100 nodes, adding one node moves ~990M keys. Use ~100-200 vnodes per node (150-200 for small clusters, 50-100 for very large ones).',
    },
    annotation: '150 vnodes/node',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 8: Consistent Hashing' },
      { source: '001_49db91e9f3f145ef.txt', section: '1.5.1 Consistent Hashing' },
      { source: '002_166e20fca8cfff70.txt', section: 'Consistent Hashing Deep Dive' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Consistent Hashing' },
    ],
  },
  {
    id: 'database-index',
    name: 'Database index',
    aliases: ['indexing', 'B-tree index', 'composite index', 'covering index', 'secondary index', 'partial index'],
    group: 'data-scaling',
    icon: 'ListTree',
    card: {
      what: 'An extra on-disk structure that finds rows without scanning the table: B-tree (equality, ranges, prefix LIKE), hash (equality), composite (leftmost prefix), covering (answer from the index alone), partial, full-text.',
      when: 'The first fix for a slow query: index the columns in WHERE, JOIN and ORDER BY. Check with EXPLAIN ANALYZE for sequential scans before adding replicas or shards.',
      tradeoffs:
        'Reads get much faster; every insert and update gets slower and storage grows. Skip indexes on small tables, rarely filtered columns, and write-heavy tables that are seldom read.',
      numbers:
        'An index on email took a lookup from 500 ms to 2 ms; a covering index ~10x more. Five indexes made one INSERT go from 5 ms to 50 ms.',
    },
    annotation: 'idx (user_id, created_at)',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 10: Database Indexing' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Database Indexing (Often Poorly Understood!)' },
      { source: '002_166e20fca8cfff70.txt', section: 'Index Types' },
      { source: '003_00a63fccc9d8ea53.txt', section: '4. Database Indexing' },
    ],
  },
  {
    id: 'materialized-view',
    name: 'Materialized view',
    aliases: ['denormalization', 'denormalized table', 'precomputed view', 'pre-joined table'],
    group: 'data-scaling',
    icon: 'Table2',
    card: {
      what: 'Store query results ahead of time: a pre-joined or pre-aggregated table refreshed on a schedule or on change, or documents that embed their related data.',
      when: 'Hot reads that would otherwise join or aggregate on every request: dashboards, leaderboards, feeds, and queries that would span shards.',
      tradeoffs:
        'Reads become one cheap lookup, but data is duplicated, writes must update every copy, and the view is stale between refreshes.',
      numbers:
        'Set the refresh interval to the staleness users accept. Instagram-style materialized feeds are cached for ~5 min; leaderboards live as precomputed sorted sets.',
    },
    annotation: 'refresh 5 min',
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: '5. Materialized Views / CQRS' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'cqrs',
    name: 'CQRS',
    aliases: ['command query responsibility segregation', 'read model', 'write model'],
    group: 'data-scaling',
    icon: 'Columns2',
    card: {
      what: 'Split the system into a write side (normalized, validates commands) and one or more read sides (denormalized stores shaped per query), kept in sync asynchronously by events.',
      when: 'Read and write load or shape differ sharply, e.g. 90% reads, or many views of the same data such as timelines, search and analytics.',
      tradeoffs:
        'Each side scales and is tuned on its own, but you run two models, a sync pipeline and eventual consistency: a user may briefly read stale data after a write.',
      numbers:
        'Example scale from the seeds: Twitter with ~10K writes/s against ~300K reads/s, a 30:1 skew that justifies separate models.',
    },
    annotation: '10K W/s vs 300K R/s',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 15: CQRS (Command Query Responsibility Segregation)' },
      { source: '002_166e20fca8cfff70.txt', section: 'Command Query Responsibility Segregation' },
      { source: '003_00a63fccc9d8ea53.txt', section: '5. Materialized Views / CQRS' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Event-Driven Architecture' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'event-sourcing',
    name: 'Event sourcing',
    aliases: ['event replay', 'projections', 'append-only events'],
    group: 'data-scaling',
    icon: 'ScrollText',
    card: {
      what: 'Persist every change as an immutable event (OrderCreated, OrderPaid…) instead of overwriting current state. State is rebuilt by replaying events; projections feed read models, search and analytics.',
      when: 'Domains that need a full audit trail or time travel: banking, order history, document version history. Pairs naturally with CQRS.',
      tradeoffs:
        'Perfect history and easy new projections, but replay gets slow without snapshots, event schemas must evolve carefully, and queries go through projections.',
      numbers:
        'Rule of thumb: snapshot state every N events or minutes so a rebuild replays only the tail, not the whole log.',
    },
    annotation: 'snapshot every 1K events',
    sources: [{ source: '004_883ce214cd1f0ecf.txt', section: 'Event-Driven Architecture' }, '001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'connection-pool',
    name: 'Connection pool',
    aliases: ['PgBouncer', 'connection pooling', 'DB pool'],
    group: 'data-scaling',
    icon: 'Cable',
    card: {
      what: 'A shared set of open database connections that requests borrow and return, either inside the app or as a proxy such as PgBouncer in front of PostgreSQL.',
      when: 'Always, once many app instances talk to one database. Running without pooling is a listed anti-pattern; the pool is also a place where backpressure shows up.',
      tradeoffs:
        'Saves connection setup and protects the DB from connection storms; a pool that is too small queues requests, one too large overloads the DB. Transaction mode limits session features.',
      numbers:
        'Opening a connection costs a few ms in one region (TCP, TLS, auth), and each PostgreSQL connection is a server process. Typical pool: min 5-10, max 20-50. PgBouncer in transaction mode can fold 10K app connections into ~100 DB connections.',
    },
    annotation: 'max 50 conns',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Query Optimization Signals' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Database Connection Pooling' },
    ],
  },
  {
    id: 'sharded-counter',
    name: 'Sharded counter',
    aliases: ['distributed counter', 'counter shards', 'view counter'],
    group: 'data-scaling',
    icon: 'Tally5',
    card: {
      what: 'Replace one hot counter with N sub-counters; each increment hits a random one, and reads sum them (usually from a cached total).',
      when: 'Likes, views or votes on popular items where a single row or key would see more than ~10K increments per second.',
      tradeoffs:
        'Write throughput grows with the shard count, but reads must fan in across shards, so totals are cached and slightly stale (30-60 s TTL). More shards mean slower exact reads.',
      numbers:
        'Sizing: shards = peak writes/s ÷ ~10K. YouTube used ~100 shards per video for 40K+ view increments/s, aggregated every 5 min; Twitter likes used 50+.',
    },
    annotation: '100 shards',
    sources: [{ source: '001_49db91e9f3f145ef.txt', section: '6. Sharded Counters' }, '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'batched-writes',
    name: 'Batched writes',
    aliases: ['write batching', 'batch writes', 'bulk insert', 'micro-batching', 'write buffer'],
    group: 'data-scaling',
    icon: 'Layers',
    card: {
      what: 'Collect many small writes in a buffer and flush them to the store together, triggered by time, by size, or whichever comes first.',
      when: 'Write-heavy paths where each write is small and a short delay is fine: counters, analytics events, logs, metrics, editor keystrokes.',
      tradeoffs:
        'Far fewer round trips and better disk and network use, at the cost of added latency, losing the buffer on a crash, and handling a batch that half succeeds.',
      numbers:
        'Flush on time, on size, or both (hybrid); editors buffer ~50 ms of keystrokes per send. Past ~50K writes/s, put a partitioned queue in front of the workers as the buffer.',
    },
    annotation: 'flush 1 s or 500 rows',
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: '4. Batch Writes' },
      '001_49db91e9f3f145ef.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
]
