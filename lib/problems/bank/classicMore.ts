import type { Problem } from '../problemSchema'

/**
 * Classics from the best-known problem lists that the seeds support through
 * their patterns: contention (hotel rooms, wallets), streaming aggregation
 * (metrics, ad clicks), and real-time fan-out (nearby friends, live
 * comments). Scale lines carry their arithmetic for the bank tests.
 */
export const classicMoreProblems: Problem[] = [
  {
    id: 'hotel-reservation',
    title: 'Hotel reservation system',
    category: 'classic',
    difficulty: 'medium',
    prompt:
      'Design the reservation system of a hotel chain: guests search for rooms by date, book a room type for a date range, and cancel. A room type must never be booked beyond its allowed count.',
    functional: [
      'Search availability by hotel, date range and room type',
      'Reserve a room type for a date range and pay',
      'Cancel a reservation and free the nights',
      'Hotel staff update rates and the number of rooms per type',
    ],
    nonFunctional: [
      'Never more reservations for a night than the room type allows (plus any set overbooking)',
      'A double-clicked “Book” creates one reservation',
      'Search may be a little stale; booking must not be',
    ],
    scale: [
      '5,000 hotels, 1M rooms in all',
      '70% occupancy and 3-night average stays: 1M × 0.7 / 3 ≈ 233K reservations/day ≈ 3 writes/s',
      'About 100 searches per booking: ~300 searches/s',
    ],
    followUps: [
      'Why keep inventory per room type per night rather than per physical room?',
      'Two guests book the last room at once. Walk through both transactions.',
      'Optimistic version check, row lock, or a CHECK constraint? Which and why at 3 writes/s?',
      'How would you allow 10% overbooking?',
      'Payment fails after the nights were reserved. What undoes them?',
    ],
    hints: [
      'One row per (hotel, room type, date) with total and reserved counts.',
      'A reservation spanning 3 nights updates 3 rows in one transaction.',
    ],
    checklist: [
      {
        item: 'Relational store with transactions for the inventory rows',
        kinds: ['sql-database', 'newsql-database'],
      },
      {
        item: 'Reserved count raised by a conditional update or version check',
        kinds: ['optimistic-locking', 'pessimistic-locking'],
      },
      { item: 'Idempotency key on the booking request', kinds: ['idempotency-key'] },
      { item: 'Availability search served from a cache or replicas', kinds: ['distributed-cache', 'read-replicas'] },
      { item: 'Reservation states: pending payment, confirmed, cancelled, refunded', kinds: ['state-machine-diagram'] },
      { item: 'Inventory modelled per room type per night', kinds: [] },
      { item: 'Names the race on the last room and how the write prevents it', kinds: [] },
    ],
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: '2. Dealing with Contention' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'metrics-monitoring',
    title: 'Metrics monitoring and alerting',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design a metrics monitoring and alerting system for a large fleet: collect counters and latencies from every host and service, show dashboards, and page on-call when a rule fires.',
    functional: [
      'Collect metrics (name, labels, value, timestamp) from hosts and services',
      'Query a metric over a time range with aggregation (rate, sum, percentile)',
      'Dashboards that refresh every few seconds',
      'Alert rules that notify by page, email or chat, deduplicated',
    ],
    nonFunctional: [
      'Alerts fire within a minute of the condition',
      'Losing a few points is acceptable; losing an alert is not',
      'The monitoring system keeps working when what it monitors is down',
      'Recent data queries answer in under a second',
    ],
    scale: [
      '10M active time series scraped every 10 s: ~1M points/s',
      '~86B points/day; at ~1.4 bytes/point after compression ≈ 120 GB/day',
      'Raw points kept 7 days, 1-minute rollups 30 days, 1-hour rollups a year',
    ],
    followUps: [
      'Pull (scrape) or push? What does each do with short-lived jobs?',
      'A team adds a user_id label. What happens to the number of series?',
      'How do you compress a series of timestamps and values so well?',
      'How do you keep one flapping rule from paging ten times?',
      'Who monitors the monitoring system?',
    ],
    hints: [
      'Series count, not point count, is what breaks a time-series store.',
      'Downsample old data: nobody needs 10-second points from last year.',
    ],
    checklist: [
      { item: 'Time-series database for the points', kinds: ['time-series-db'] },
      { item: 'Collectors scrape or receive metrics from every service', kinds: ['metrics'] },
      { item: 'Buffer between collectors and storage (Kafka)', kinds: ['kafka-log', 'message-queue'] },
      { item: 'Alert rules evaluated against SLOs, notifications deduplicated', kinds: ['slo-alerting'] },
      { item: 'Rollups of old data to coarser resolution', kinds: ['data-tiering'] },
      { item: 'Points per second and storage per day estimated', kinds: [] },
      { item: 'Label cardinality limited and explained', kinds: [] },
    ],
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Monitoring & Observability (Often Overlooked!)' },
      { source: '002_166e20fca8cfff70.txt', section: 'Metrics (Prometheus + Grafana)' },
    ],
  },
  {
    id: 'ad-click-aggregation',
    title: 'Ad click aggregation and top-K',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design the pipeline that counts ad clicks: advertisers see clicks per ad per minute within a minute or two, billing gets exact totals, and a dashboard shows the top 100 ads of the last few minutes.',
    functional: [
      'Ingest click events (ad, user, time, country)',
      'Clicks per ad per minute, filterable by country',
      'Top 100 most clicked ads over the last 5 minutes',
      'Exact daily totals for billing',
    ],
    nonFunctional: [
      'Dashboard counts lag by under 2 minutes',
      'Billing counts are exact: no click lost or counted twice',
      'Late events (a few minutes) still count in their minute',
      'Survives the loss of an aggregation node',
    ],
    scale: ['1B clicks/day ≈ 11.6K/s, peak ×5 ≈ 58K/s', '2M active ads', '~100 bytes per raw click: ~100 GB/day'],
    followUps: [
      'Event time or processing time for the minute buckets? What about late events?',
      'How do you count exactly once when a consumer restarts?',
      'Exact top 100 across 2M ads, or a count-min sketch with a heap? What is lost?',
      'Why keep the raw events if the counts are computed?',
      'A single viral ad gets 10% of all clicks. What happens to its partition?',
    ],
    hints: [
      'Fast approximate counts and slower exact counts can come from the same log.',
      'Keep offsets and window state together in checkpoints.',
    ],
    checklist: [
      { item: 'Clicks written to a partitioned, replayable log', kinds: ['kafka-log'] },
      { item: 'Stream processor with minute windows by event time', kinds: ['stream-processor'] },
      { item: 'Checkpointed state for exactly-once counts', kinds: ['checkpointing'] },
      { item: 'Approximate top-K with a count-min sketch and a heap', kinds: ['counting-sketch'] },
      { item: 'Raw events archived and recounted in batch for billing', kinds: ['batch-processor', 'data-lake'] },
      { item: 'Aggregates served from an OLAP store or time-series DB', kinds: ['data-warehouse', 'time-series-db'] },
      { item: 'Handles late events with a watermark and allowed lateness', kinds: [] },
    ],
    sources: ['001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt', '004_883ce214cd1f0ecf.txt'],
  },
  {
    id: 'digital-wallet',
    title: 'Digital wallet and ledger',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design a digital wallet: users hold a balance, top up from a card, and send money to each other. Every cent must be accounted for, and balances must be rebuildable from history.',
    functional: [
      'Top up from a card, withdraw to a bank account',
      'Transfer money between two wallets',
      'Show the balance and the transaction history',
      'Reconcile with the payment provider every day',
    ],
    nonFunctional: [
      'Money is never created or lost: every transfer debits and credits equal amounts',
      'A retried request never moves money twice',
      'A balance never goes below zero',
      'Full audit trail, kept for years',
    ],
    scale: [
      '10M DAU × 2 transfers/day ≈ 20M/day ≈ 231/s, peak ×3 ≈ 694/s',
      'Two ledger entries per transfer: ~40M entries/day',
      '~200 bytes per entry: ~8 GB/day, ~3 TB/year',
    ],
    followUps: [
      'Why double-entry bookkeeping rather than one balance column?',
      'The two wallets live on different shards. How does a transfer stay correct?',
      'A client times out and retries the transfer. What happens?',
      'Store the balance, or compute it from entries? What about both?',
      'The provider’s report disagrees with the ledger. Then what?',
    ],
    hints: [
      'An append-only ledger of entries that sum to zero per transfer.',
      'The idempotency key belongs to the transfer, checked before any entry is written.',
    ],
    checklist: [
      {
        item: 'Append-only ledger of events from which balances are rebuilt',
        kinds: ['event-sourcing', 'event-store'],
      },
      { item: 'Idempotency key on every transfer and top-up', kinds: ['idempotency-key'] },
      {
        item: 'Cross-shard transfer as a saga with compensation, or one transactional store',
        kinds: ['saga', 'newsql-database'],
      },
      { item: 'Balance read model kept apart from the ledger', kinds: ['cqrs', 'materialized-view'] },
      { item: 'Outbox so a ledger write and its event are never split', kinds: ['transactional-outbox'] },
      { item: 'Double-entry: each transfer’s entries sum to zero', kinds: [] },
      { item: 'Daily reconciliation against the provider', kinds: [] },
    ],
    sources: [
      '001_49db91e9f3f145ef.txt',
      { source: '002_166e20fca8cfff70.txt', section: 'Idempotency for Payments' },
      { source: '003_00a63fccc9d8ea53.txt', section: '3. Multi-step Processes' },
    ],
  },
  {
    id: 'nearby-friends',
    title: 'Nearby friends',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design “nearby friends”: users who opt in see which of their friends are within 5 km, with distances that update as people move.',
    functional: [
      'Opted-in users share their location while the app is open',
      'See friends within 5 km with distance and last-seen time',
      'The list updates as friends move',
      'Turn sharing off at any time',
    ],
    nonFunctional: [
      'A friend’s move shows within about 30 seconds',
      'Location history is not kept beyond what the feature needs',
      'Losing a server drops some connections, which reconnect',
    ],
    scale: [
      '100M DAU, 10% online at peak: 10M concurrent connections',
      'One update every 30 s each: 10M / 30 ≈ 334K location updates/s',
      '~400 friends each, ~10% online: ~40 subscribers per update ≈ 13M pushes/s',
      'At ~100K connections per server: ~100 WebSocket servers for the peak concurrent connections',
    ],
    followUps: [
      'Why push updates over WebSockets rather than have each client poll?',
      'One pub/sub channel per user: who subscribes, and when?',
      'How would you change the design for “people nearby” who are not friends?',
      'What happens to the pub/sub cluster when one channel has 5,000 subscribers?',
      'Where is the distance computed, and how often?',
    ],
    hints: [
      'Each user’s location updates go to a channel only their online friends listen to.',
      'Keep only the latest location, with a TTL, in a cache.',
    ],
    checklist: [
      { item: 'Clients keep WebSocket connections to a gateway tier', kinds: ['websocket-gateway', 'websocket'] },
      { item: 'One pub/sub channel per user; online friends subscribe', kinds: ['redis-pub-sub', 'pub-sub-topic'] },
      { item: 'Latest location per user in a cache with a TTL', kinds: ['distributed-cache'] },
      { item: 'Friends list from a graph or social store', kinds: ['graph-database'] },
      { item: 'Online status tracked by heartbeats', kinds: ['presence-service'] },
      { item: 'Updates per second and fan-out estimated from concurrent users', kinds: [] },
      { item: 'Distance filter applied before pushing to a subscriber', kinds: [] },
    ],
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Location Service' }, '001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'live-comments',
    title: 'Live comments on a live video',
    category: 'classic',
    difficulty: 'medium',
    prompt:
      'Design live comments for live video streams: viewers post comments and every viewer of the same stream sees them within a couple of seconds, even on a stream with a million viewers.',
    functional: [
      'Post a comment on a live stream',
      'See new comments on the stream you watch, in near real time',
      'Load recent comments when joining a stream',
      'Moderators delete comments and ban users',
    ],
    nonFunctional: [
      'Comments appear to other viewers within 2 seconds',
      'A hot stream does not slow down the others',
      'Losing a comment now and then is tolerable; showing a deleted one for long is not',
    ],
    scale: [
      '10M concurrent viewers in all; the biggest stream 1M',
      'At ~100K connections per server: ~100 gateway servers for the peak concurrent connections',
      'A hot stream receives 1K comments/s; sending each to 1M viewers would be 1B messages/s',
      'Capped at ~10 comments/s per viewer: ~10M messages/s for that stream',
    ],
    followUps: [
      'How does a gateway know which streams its viewers watch?',
      'Sample, batch or rank comments when 1K/s arrive? Who decides what a viewer sees?',
      'Why not store every comment first and have clients poll?',
      'A moderator deletes a comment already sent. What happens on screens?',
      'How do you keep one huge stream from starving the others?',
    ],
    hints: [
      'Gateways subscribe to a stream’s channel only while one of their viewers watches it.',
      'Write comments to durable storage asynchronously, off the delivery path.',
    ],
    checklist: [
      { item: 'Viewers connected over WebSocket or SSE to a gateway tier', kinds: ['websocket-gateway', 'sse'] },
      { item: 'Pub/sub channel per stream that gateways subscribe to', kinds: ['redis-pub-sub', 'pub-sub-topic'] },
      { item: 'Comments stored durably for replay and moderation', kinds: ['wide-column-store'] },
      { item: 'Per-user rate limit on posting', kinds: ['rate-limiter'] },
      { item: 'Backpressure: comments sampled or batched per viewer', kinds: ['backpressure'] },
      { item: 'Fan-out cost worked out for the biggest stream', kinds: [] },
    ],
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'WebSocket at Scale' },
      '001_49db91e9f3f145ef.txt',
      { source: '003_00a63fccc9d8ea53.txt', section: '1. Real-time Updates' },
    ],
  },
]
