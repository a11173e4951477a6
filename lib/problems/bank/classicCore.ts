import type { Problem } from '../problemSchema'

/**
 * Classic designs the best-known problem lists ask and the seeds support:
 * unique IDs and a distributed log. Scale lines carry their arithmetic so
 * the bank test can check it.
 */
export const classicCoreProblems: Problem[] = [
  {
    id: 'unique-id-generator',
    title: 'Unique ID generator',
    category: 'classic',
    difficulty: 'easy',
    prompt:
      'Design a service that hands out unique 64-bit numeric IDs for tweets, orders and messages across many servers and data centres. IDs should sort roughly by creation time.',
    functional: [
      'Return an ID that no other caller ever receives',
      'IDs fit in 64 bits and are numeric',
      'IDs issued later sort after earlier ones (to the millisecond)',
      'Optional: decode an ID back to its creation time',
    ],
    nonFunctional: [
      'No coordination between servers on the hot path',
      'Generating an ID takes well under a millisecond',
      'Keeps working when one generator or one data centre is lost',
      'Never issues a duplicate, even when a clock jumps backwards',
    ],
    scale: [
      '41-bit millisecond timestamp: 2^41 ms ≈ 69 years from a custom epoch',
      '10-bit machine ID: up to 1,024 generators',
      '12-bit sequence: 4,096 IDs per ms per generator, about 4M IDs/s each',
      'Fleet-wide peak of about 100K IDs/s',
    ],
    followUps: [
      'Compare UUIDv4, UUIDv7, a database ticket server and Snowflake. What does each cost?',
      'How does a generator get a machine ID nobody else holds, and what if two start with the same one?',
      'NTP moves the clock back 50 ms. What does the generator do?',
      'The 4,096 sequence numbers of one millisecond run out. What happens?',
      'Why do random UUIDs hurt B-tree index inserts?',
      'Can a competitor estimate your order volume from your IDs? What would you change?',
    ],
    hints: [
      'What could each server know on its own that makes its IDs different from every other server?',
      'Which coordination can happen once at startup instead of on every ID?',
      'Put the most significant bits where sorting needs them.',
    ],
    checklist: [
      { item: 'Snowflake-style layout: timestamp, machine ID, per-ms sequence', kinds: ['id-generator'] },
      { item: 'Machine IDs leased from a coordination service at startup', kinds: ['coordination-service'] },
      {
        item: 'Several generator instances (or a library in each service), so none is a single point of failure',
        kinds: ['stateless-service'],
      },
      { item: 'Handles a clock moving backwards: wait it out or refuse, and alert', kinds: [] },
      { item: 'Compares UUID, ticket server and Snowflake with their trade-offs', kinds: [] },
      { item: 'Bit budget worked out: years of timestamps and IDs per ms', kinds: [] },
    ],
    sources: ['001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt', '004_883ce214cd1f0ecf.txt'],
  },
  {
    id: 'distributed-message-queue',
    title: 'Distributed message queue (Kafka)',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design a distributed message queue like Kafka: producers append messages to topics, many independent consumer groups read them in order per partition, and data survives broker failures.',
    functional: [
      'Create topics split into partitions',
      'Producers append messages; a key picks the partition',
      'Consumer groups read at their own pace and commit offsets',
      'Replay from any retained offset',
      'Retain messages by time or size',
    ],
    nonFunctional: [
      'No acknowledged message is lost when one broker dies',
      'Ordering holds within a partition',
      'Throughput scales by adding brokers and partitions',
      'End-to-end latency of tens of milliseconds',
    ],
    scale: [
      '1M messages/s in at ~1 KB each: ~1 GB/s of writes',
      'Replication factor 3: ~3 GB/s written to disk across the cluster',
      '7-day retention: 1 GB/s × 604,800 s ≈ 600 TB, ~1.8 PB with 3 replicas',
      'At ~100 MB/s of writes per broker: ~30 brokers',
    ],
    followUps: [
      'Why an append-only log on disk instead of an in-memory queue? Why are sequential writes fast?',
      'How is a partition leader chosen, and what does acks=all wait for?',
      'A follower falls behind. When is it dropped from the in-sync set, and what does that risk?',
      'How do consumer groups split partitions, and what happens during a rebalance?',
      'Exactly-once: what do idempotent producers and transactions add, and what do they cost?',
      'One partition is hot. What are your options without breaking per-key order?',
    ],
    hints: [
      'Start with one broker writing one file per partition; then ask what happens when it dies.',
      'Who remembers how far a consumer has read: the broker or the consumer?',
      'What has to agree on which replica leads a partition?',
    ],
    checklist: [
      { item: 'Topics split into partitions, each an append-only log', kinds: ['kafka-log'] },
      { item: 'Leader and followers per partition, acks from the in-sync replicas', kinds: ['replication'] },
      { item: 'Cluster metadata and leader election through consensus', kinds: ['consensus', 'coordination-service'] },
      { item: 'Sequential disk writes and segment files (log-structured storage)', kinds: ['storage-engine'] },
      { item: 'Retention by time or size, older segments tiered to cheap storage', kinds: ['data-tiering'] },
      { item: 'Idempotent producers or consumer-side dedup', kinds: ['idempotency-key', 'deduplication'] },
      { item: 'Consumer offsets committed per group', kinds: [] },
      { item: 'Throughput and storage estimate sizes the cluster', kinds: [] },
    ],
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: '3. Message Queues & Streaming Platforms' },
      { source: '002_166e20fca8cfff70.txt', section: 'Kafka Architecture' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Message Queues & Event Streaming' },
    ],
  },
]
