/**
 * The fact base: reference numbers the palette cards, problems and guides
 * quote, each with its source. Where the seeds disagree with each other or
 * with a primary source, the value here is the one we teach and `note` says
 * what was dropped. `quotedBy` lists the blocks whose cards state the fact;
 * `lib/facts/contentFacts.test.ts` checks that each of them still says
 * every string in `quotes`, so a card cannot drift from the table.
 */
export interface ReferenceFact {
  id: string
  /** The fact as we state it. */
  value: string
  /** Where it comes from: a seed section or a primary source. */
  source: string
  /** What the seeds said instead, when we corrected them. */
  note?: string
  /** Block ids whose cards quote the fact. */
  quotedBy?: readonly string[]
  /** Substrings every quoting card must contain. */
  quotes?: readonly string[]
  /** Problem ids whose text quotes the fact, with the substring each must contain. */
  quotedByProblems?: readonly (readonly [problemId: string, quote: string])[]
}

export const referenceFacts: readonly ReferenceFact[] = [
  {
    id: 'db-indexed-read',
    value: 'Indexed database lookup: ~1–5 ms p50, ~10–20 ms p99 (in one region, warm cache)',
    source: 'Seed 004 "~5 ms SQL simple query"; seed 002 hop table; PostgreSQL/MySQL point reads on SSD',
    note: 'Seeds also give 5–20 ms (002), p99 5–10 ms (001 matrix) and 50–100 ms (cache cards); one set is used everywhere.',
    quotedBy: ['sql-database', 'document-store', 'wide-column-store', 'distributed-cache', 'cache-aside'],
    quotes: ['1–5 ms p50'],
    quotedByProblems: [['connection-pool-lld', 'p50 1–5 ms']],
  },
  {
    id: 'db-p99',
    value: 'Indexed database read p99 ~10–20 ms',
    source: 'As db-indexed-read',
    quotedBy: ['sql-database', 'document-store', 'wide-column-store', 'newsql-database'],
    quotes: ['10–20 ms p99'],
    quotedByProblems: [['connection-pool-lld', '~20 ms p99']],
  },
  {
    id: 'in-region-round-trip',
    value: 'Round trip inside one region or data centre: ~0.5–2 ms; a synchronous replica ack ~1–2 ms',
    source: 'Dean, "Numbers everyone should know" (DC round trip ~0.5 ms); cloud intra-region latency',
    note: 'Seed 002 gives "sync replication ~50 ms", which only holds across regions.',
    quotedBy: ['replication'],
    quotes: ['~1–2 ms inside a region'],
    quotedByProblems: [['redis-lock-lld', '~1 ms in a region']],
  },
  {
    id: 'cross-region-round-trip',
    value: 'Round trips between regions: NYC–London ~70 ms, NYC–Tokyo ~170 ms',
    source: 'Public inter-region ping tables (e.g. AWS us-east-1 ↔ eu-west-2 / ap-northeast-1)',
    note: 'Seeds give "~50 ms" for sync cross-region replication and "200 ms+" elsewhere.',
    quotedBy: ['replication', 'pacelc', 'newsql-database', 'event-store'],
    quotes: ['70', '170 ms'],
  },
  {
    id: 'mysql-replication-default',
    value: 'MySQL and PostgreSQL replicate asynchronously by default; semi-synchronous replication is opt-in',
    source: 'MySQL Reference Manual, Replication; PostgreSQL docs, synchronous_commit / synchronous_standby_names',
    note: 'Seed 002 calls semi-sync "the MySQL default".',
    quotedBy: ['replication'],
    quotes: ['asynchronously by default', 'opt-in'],
  },
  {
    id: 'mongodb-pacelc',
    value: 'MongoDB is PA/EC by default; majority read/write concerns move it toward PC/EC',
    source: 'Abadi, "Consistency Tradeoffs in Modern Distributed Database System Design", IEEE Computer 2012',
    note: 'Seed 001 lists MongoDB as PC/EC.',
    quotedBy: ['pacelc'],
    quotes: ['MongoDB defaults to PA/EC'],
  },
  {
    id: 'redis-cluster-slots',
    value: 'Redis Cluster maps CRC16(key) mod 16,384 to fixed hash slots; it is not a consistent-hashing ring',
    source: 'Redis Cluster specification; seed 002 (Redis Cluster day)',
    note: 'The consistent-hashing card listed Redis Cluster as a user.',
    quotedBy: ['consistent-hashing'],
    quotes: ['16,384'],
    quotedByProblems: [['hash-ring-lld', 'Redis Cluster does not use a ring']],
  },
  {
    id: 'bloom-bits-per-item',
    value: 'A Bloom filter at 1% false positives needs ~9.6 bits per item (k ≈ 7): 10B items ≈ 12 GB',
    source: 'm = −n·ln p / (ln 2)² (Bloom 1970; Broder & Mitzenmacher, "Network Applications of Bloom Filters", 2004)',
    note: 'Seed 001 says 10B URLs ≈ 1.5 GB, which is ~1.2 bits per item.',
    quotedBy: ['bloom-filter'],
    quotes: ['9.6 bits', '12 GB'],
    quotedByProblems: [
      ['bloom-filter-lld', '~9.6 bits per item and k ≈ 7'],
      ['bloom-filter-lld', '10B items ≈ 12 GB'],
      ['has-user-read', '~9.6 bits each'],
    ],
  },
  {
    id: 'sqs-limits',
    value:
      'SQS standard queues: nearly unlimited throughput; FIFO: 300 API calls/s per action, 3,000 msg/s batched; message size up to 1 MiB; retention 4 days default, 14 days max',
    source: 'AWS SQS Developer Guide, "Amazon SQS quotas" and "Troubleshoot FIFO throttling" (checked 2026)',
    note: 'Seeds say "SQS ~300K msg/s" and "256 KB max" (the limit before 2025, still the queue default).',
    quotedBy: ['message-queue'],
    quotes: ['300 msg/s', '3,000', '1 MiB', '14'],
  },
  {
    id: 'websocket-servers',
    value:
      'About 100K concurrent connections per server; size the fleet from peak concurrent connections, not total users',
    source: 'Seeds 001/002 (100K per server); the division by total users is corrected',
    note: 'Seeds divide 2B users by 100K for "20K servers".',
    quotedBy: ['websocket', 'websocket-gateway'],
    quotes: ['100K', 'peak concurrent connections'],
    quotedByProblems: [
      ['nearby-friends', '~100K connections per server'],
      ['nearby-friends', 'peak concurrent connections'],
      ['live-comments', '~100K connections per server'],
      ['live-comments', 'peak concurrent connections'],
    ],
  },
  {
    id: 'video-ladder',
    value: 'A rendition ladder (one rendition per resolution, 144p–1080p) totals ~1.5–2× the top rendition',
    source:
      'Sum of a typical ladder: 5 + 2.5 + 1.1 + 0.7 + 0.3 + 0.1 Mbps ≈ 1.9× the 5 Mbps top (Apple HLS authoring spec ladders)',
    note: 'Seed 001 says ~12×; seed 002 says 5 GB raw → 1.5 GB across qualities.',
    quotedBy: ['compression', 'media-transcoder'],
    quotes: ['1.5–2x'],
  },
  {
    id: 'nines',
    value: 'Downtime per year: 99.9% ≈ 8.77 h, 99.99% ≈ 52.6 min, 99.999% ≈ 5.26 min',
    source: 'Arithmetic on 365.25 days; seed 004 availability table',
    quotedBy: ['failover'],
    quotes: ['8.77 h', '52.6 min', '5.26 min'],
  },
  {
    id: 'snowflake-layout',
    value: 'Snowflake: 41-bit ms timestamp (~69 years), 10-bit machine ID, 12-bit sequence = 4,096 IDs/ms per node',
    source: 'Twitter Snowflake (2010); seeds 001/002',
    quotedBy: ['id-generator'],
    quotes: ['4,096'],
  },
  {
    id: 'hyperloglog',
    value: 'Redis HyperLogLog: 12 KB per key, ~0.81% standard error',
    source: 'Redis docs, HyperLogLog; seed 002',
    quotedBy: ['counting-sketch'],
    quotes: ['12 KB', '0.81%'],
  },
  {
    id: 'raft-election-timeout',
    value: 'Raft election timeouts are randomized, typically 150–300 ms',
    source: 'Ongaro & Ousterhout, "In Search of an Understandable Consensus Algorithm", 2014',
    quotedBy: ['consensus'],
    quotes: ['150-300 ms'],
  },
  {
    id: 'postgres-max-connections',
    value: 'PostgreSQL accepts 100 connections by default (max_connections = 100); each is a server process',
    source: 'PostgreSQL documentation, "Connections and Authentication" (max_connections)',
    quotedByProblems: [['connection-pool-lld', 'PostgreSQL allows 100 connections by default']],
  },
  {
    id: 'gorilla-compression',
    value:
      'Gorilla-style time-series compression (delta-of-delta timestamps, XOR values): ~1.37 bytes per point instead of 16',
    source: 'Pelkonen et al., "Gorilla: A Fast, Scalable, In-Memory Time Series Database", VLDB 2015',
    quotedByProblems: [['metrics-monitoring', '~1.4 bytes/point after compression']],
  },
  {
    id: 'kafka-defaults',
    value: 'Kafka defaults: 7-day retention (log.retention.hours=168), ~1 MB max message (message.max.bytes)',
    source: 'Apache Kafka broker configuration reference',
    quotedBy: ['kafka-log'],
    quotes: ['7 days', '1 MB'],
  },
]
