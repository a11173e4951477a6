/**
 * Per-server and per-node throughput rules of thumb: the numbers that turn
 * a QPS estimate into a count of machines. Each row names its source and the
 * palette blocks whose cards quote it (`quotedBy`, with the exact words in
 * `quote`); `lib/facts/estimationReference.test.ts` checks those cards still
 * say it, as `referenceNumbers.ts` does for its facts.
 */
export interface ThroughputRule {
  id: string
  /** The component, e.g. "Stateless app server". */
  what: string
  /** The rule, e.g. "~1K–10K requests/s". */
  rate: string
  source: string
  /** Block ids whose cards quote the rule… */
  quotedBy?: readonly string[]
  /** …with these exact words. */
  quote?: string
}

/** Rules of thumb, from the request edge to storage. */
export const throughputRules: readonly ThroughputRule[] = [
  {
    id: 'app-server',
    what: 'Stateless app server',
    rate: '~1K–10K requests/s (50K–100K with caching in front)',
    source: 'Seeds 002 and 004 ("single server ~1K–10K RPS")',
    quotedBy: ['stateless-service'],
    quote: '1K–10K RPS',
  },
  {
    id: 'proxy',
    what: 'Reverse proxy or load balancer (nginx/Envoy class)',
    rate: '~100K requests/s',
    source: 'Seed 001 gateway comparison (NGINX/Envoy 100K+ RPS)',
    quotedBy: ['reverse-proxy'],
    quote: '100K RPS',
  },
  {
    id: 'redis',
    what: 'Redis node',
    rate: '~100K+ operations/s (one thread; more with pipelining)',
    source: 'Seed 001 (~100K ops/s); Redis benchmark documentation',
    quotedBy: ['distributed-cache'],
    quote: '~100K+ ops/s per node',
  },
  {
    id: 'memcached',
    what: 'Memcached node',
    rate: 'up to ~1M operations/s (multi-threaded)',
    source: 'Seed 001',
    quotedBy: ['distributed-cache'],
    quote: 'Memcached up to ~1M',
  },
  {
    id: 'sql-primary',
    what: 'SQL primary (PostgreSQL, MySQL)',
    rate: '~10K writes/s; reads scale with replicas and cache',
    source: 'Seeds 001 and 003 ("single DB ~10K writes/s")',
    quotedBy: ['sql-database'],
    quote: '~10K writes/s',
  },
  {
    id: 'cassandra',
    what: 'Wide-column node (Cassandra)',
    rate: '~50K+ writes/s',
    source: 'Seed 003',
    quotedBy: ['wide-column-store'],
    quote: '~50K+ writes/s per node',
  },
  {
    id: 'kafka-broker',
    what: 'Kafka broker',
    rate: '~100 MB/s of writes; a cluster takes 1M+ messages/s',
    source: 'Seed 001 (1M+ msg/s per cluster); the distributed message queue problem sizes brokers at ~100 MB/s',
    quotedBy: ['kafka-log'],
    quote: '1M+ msg/s',
  },
  {
    id: 'websocket-server',
    what: 'WebSocket server',
    rate: '~100K concurrent connections (size by peak concurrent, not total users)',
    source: 'Reference fact websocket-servers',
    quotedBy: ['websocket', 'websocket-gateway'],
    quote: '100K concurrent connections per server',
  },
  {
    id: 'counter-shard',
    what: 'One counter row or shard',
    rate: '~10K increments/s: shards = peak writes/s ÷ 10K',
    source: 'Seed 001 sharded-counter formula',
    quotedBy: ['sharded-counter'],
    quote: 'shards = peak writes/s ÷ ~10K',
  },
  {
    id: 'snowflake',
    what: 'Snowflake ID generator',
    rate: '4,096 IDs per ms per node (~4M/s)',
    source: 'Reference fact snowflake-layout',
    quotedBy: ['id-generator'],
    quote: '4,096 IDs per ms per node',
  },
  {
    id: 'nic',
    what: 'Network card',
    rate: '1 Gbps ≈ 125 MB/s; 10 Gbps ≈ 1.25 GB/s',
    source: 'Arithmetic: 8 bits per byte',
  },
]
