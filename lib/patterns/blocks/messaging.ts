import type { BlockEntry } from '../catalogSchema'

/** Messaging & streaming: queues, topics and logs that decouple producers from consumers. */
export const messagingBlocks: BlockEntry[] = [
  {
    id: 'message-queue',
    name: 'Message queue',
    aliases: ['MQ', 'SQS', 'RabbitMQ', 'work queue', 'job queue', 'point-to-point queue', 'ActiveMQ', 'queue'],
    group: 'messaging',
    icon: 'ListOrdered',
    card: {
      what: 'A buffer between services where each message is taken and processed by exactly one consumer, then deleted. Producers never wait for the work to finish.',
      when: 'Async jobs, smoothing traffic spikes, decoupling a fast API from slow work, retrying failures. Skip it when the caller needs the result now or volume is tiny (< ~100 requests/min).',
      tradeoffs:
        'Decouples and absorbs load, but adds latency and eventual consistency. Delivery is at-least-once, so consumers must be idempotent; strict ordering is hard across many consumers.',
      // SQS limits from the AWS SQS developer guide (quotas): standard queues nearly unlimited, FIFO 300 TPS per
      // action (3,000 msg/s batched), messages up to 1 MiB (raised from 256 KiB in 2025), retention 4 d default, 14 d max.
      // The seeds' "SQS ~300K msg/s" and "256 KB" are dropped.
      numbers:
        'RabbitMQ ~50K msg/s at 1–5 ms. SQS standard queues: nearly unlimited throughput; FIFO: 300 msg/s per API action, 3,000 batched. SQS messages up to 1 MiB, kept 4 days by default, 14 at most. Tens of ms per hop.',
    },
    annotation: '50K msg/s',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: '3. Message Queues & Streaming Platforms' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Message Queues & Event Streaming' },
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 6: Message Queue (Asynchronous Processing)' },
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'pub-sub-topic',
    name: 'Pub/sub topic',
    aliases: ['pub/sub', 'pubsub', 'SNS', 'Google Pub/Sub', 'topic', 'event bus', 'EventBridge'],
    group: 'messaging',
    icon: 'Megaphone',
    card: {
      what: 'A topic that delivers every published message to all of its subscribers, so one event reaches many independent consumers (each often with its own queue).',
      when: 'Event-driven microservices, notifications, fanning one event out to search, analytics and email, or to every WebSocket server.',
      tradeoffs:
        'Producers stay unaware of who listens, and new consumers plug in freely. But each subscriber sees events at its own pace, ordering is weak, and tracing a flow across many consumers gets harder.',
      numbers:
        'Cost scales with subscribers: one publish × N subscriptions = N deliveries. Pair each subscriber with a queue plus a DLQ so one slow consumer cannot block the rest.',
    },
    annotation: '3 subscribers',
    sources: [
      '000_660079a65f9868b6.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Message Queues & Event Streaming' },
      '001_49db91e9f3f145ef.txt',
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'kafka-log',
    name: 'Kafka / partitioned log',
    aliases: ['Kafka', 'Kinesis', 'Pulsar', 'Redpanda', 'distributed log', 'event streaming', 'MSK'],
    group: 'messaging',
    icon: 'Logs',
    card: {
      what: 'A replicated, append-only log split into ordered partitions. Consumers track their own offsets, so many consumer groups read the same data independently and can replay it.',
      when: 'High-throughput event streams, CDC, event sourcing, analytics pipelines, audit trails, or whenever consumers need to replay history.',
      tradeoffs:
        'Huge throughput and replay, but ordering holds only within a partition (pick the key, e.g. user_id). Partition count caps consumer parallelism. Exactly-once is costly; idempotent consumers are simpler.',
      numbers:
        '1M+ msg/s at 5–10 ms; default retention 7 days; 1 MB default max message. Tune acks=all, linger.ms/batch.size and lz4/zstd compression.',
    },
    annotation: '1M msg/s, 32 partitions',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Kafka Architecture' },
      { source: '001_49db91e9f3f145ef.txt', section: '3. Message Queues & Streaming Platforms' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Message Queues & Event Streaming' },
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'redis-pub-sub',
    name: 'Redis Pub/Sub',
    aliases: ['PUBLISH/SUBSCRIBE', 'WebSocket backplane', 'ephemeral pub/sub'],
    group: 'messaging',
    icon: 'Radio',
    card: {
      what: 'In-memory fire-and-forget channels: a message published to a channel goes to whoever is subscribed right now, and is gone. Nothing is stored.',
      when: 'Relaying messages between WebSocket servers (user A on server 1, user B on server 2), live scores, real-time notifications, cache-invalidation signals.',
      tradeoffs:
        'Very low latency and dead simple, but no persistence or replay: a subscriber that is offline misses messages. Pair with a durable store or log when delivery matters.',
      numbers:
        'About 1 ms per Redis hop inside a data center. One channel per room or user, e.g. room:123, with every connection server subscribed to the rooms its clients are in.',
    },
    annotation: 'room:{id} channels',
    sources: [
      '000_660079a65f9868b6.txt',
      { source: '002_166e20fca8cfff70.txt', section: 'WebSocket at Scale' },
      '003_00a63fccc9d8ea53.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'redis-streams',
    name: 'Redis Streams',
    aliases: ['XADD', 'XREADGROUP', 'lightweight log'],
    group: 'messaging',
    icon: 'AudioWaveform',
    card: {
      what: 'An append-only, durable log inside Redis with IDs, consumer groups and acknowledgements: a lighter-weight stand-in for Kafka that can be replayed.',
      when: 'Modest event streams or job feeds where Redis is already running and Kafka would be overkill, e.g. activity feeds, small pipelines, per-room message history.',
      tradeoffs:
        'Fast and easy to run, with replay and consumer groups, but bounded by Redis memory and a single shard per stream; less ecosystem and retention depth than Kafka.',
      numbers: 'About 100K msg/s with < 1 ms latency. Cap stream length (MAXLEN) so memory stays bounded.',
    },
    annotation: '100K msg/s',
    sources: [{ source: '001_49db91e9f3f145ef.txt', section: '3. Message Queues & Streaming Platforms' }],
  },
  {
    id: 'dead-letter-queue',
    name: 'Dead-letter queue',
    aliases: ['DLQ', 'poison message queue', 'parking-lot queue'],
    group: 'messaging',
    icon: 'MailX',
    card: {
      what: 'A side queue that receives messages a consumer failed to process after the maximum number of retries, so they stop blocking the main queue and can be inspected or replayed.',
      when: 'Every queue or topic subscription with retries: bad payloads, bugs, or downstream outages that outlast the retry budget.',
      tradeoffs:
        'Keeps the pipeline flowing and loses nothing, but someone must watch it: alert on DLQ depth, and build a tool to replay fixed messages or route them to a human.',
      numbers:
        'Move a message after ~3–5 failed attempts with exponential backoff (e.g. 1, 2, 4, 8 s). Alert when DLQ depth is above zero.',
    },
    annotation: 'after 5 retries',
    sources: [
      '000_660079a65f9868b6.txt',
      '003_00a63fccc9d8ea53.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Message Queues & Event Streaming' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'priority-queue',
    name: 'Priority / delayed queue',
    aliases: ['priority queue', 'delayed queue', 'delay queue', 'scheduled messages', 'URL frontier'],
    group: 'messaging',
    icon: 'ArrowDownWideNarrow',
    card: {
      what: 'A queue that releases messages by importance or by due time instead of strict arrival order, usually built as several queues (high/medium/low) or a time-sorted set.',
      when: 'OTPs before marketing emails, paid channels encoded first, a crawler frontier with high/low priority URLs, or jobs and retries that must run at a future time.',
      tradeoffs:
        'Urgent work stays fast under load, but low-priority work can starve, so reserve capacity or age items upward. Delays need a timer or polling loop and careful handling of clock skew.',
      numbers:
        'Commonly three tiers (high/medium/low). Retries with delays of 1, 2, 4, 8 s; weight consumers, e.g. most workers on high, a few always on low.',
    },
    annotation: '3 priority tiers',
    sources: ['000_660079a65f9868b6.txt', '004_883ce214cd1f0ecf.txt', '001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'change-data-capture',
    name: 'Change data capture',
    aliases: ['CDC', 'Debezium', 'binlog tailing', 'WAL tailing', 'DynamoDB Streams'],
    group: 'messaging',
    icon: 'FolderSync',
    card: {
      what: 'Tails the database’s write-ahead log or binlog and publishes each committed row change as an event, typically to Kafka, without touching application code.',
      when: 'Keeping a search index, cache, warehouse or other service in sync with a primary DB, and as the relay half of the transactional outbox.',
      tradeoffs:
        'Captures every committed change in order with no dual writes, but events mirror table rows rather than business intent, schema changes ripple downstream, and it is another system to run.',
      numbers:
        'Adds seconds of lag between commit and consumer. One topic per table, keyed by primary key so updates for a row stay ordered.',
    },
    annotation: 'lag < 5 s',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Outbox Pattern — The Production-Grade Dual-Write Fix' }],
  },
  {
    id: 'transactional-outbox',
    name: 'Transactional outbox',
    aliases: ['outbox', 'outbox pattern', 'outbox table'],
    group: 'messaging',
    icon: 'Inbox',
    card: {
      what: 'The service writes its data change and an event row into an outbox table in the same DB transaction; a relay (CDC or a poller) later publishes the outbox rows to the broker.',
      when: 'Any service that must both update its database and publish an event, where losing or inventing an event on crash is unacceptable.',
      tradeoffs:
        'Removes the dual-write bug (DB commits but publish fails, or vice versa). Costs an extra table, a relay process, polling overhead or CDC, and at-least-once delivery that consumers must dedupe.',
      numbers:
        'One extra insert per transaction. Relay lag is seconds with CDC, or the poll interval with polling; purge published rows on a schedule.',
    },
    annotation: 'poll every 1 s',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Outbox Pattern — The Production-Grade Dual-Write Fix' },
      { source: '003_00a63fccc9d8ea53.txt', section: '5. Outbox Pattern' },
    ],
  },
]
