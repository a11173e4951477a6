import type { BlockEntry } from '../catalogSchema'

/** Compute & services: the boxes that run application logic, from plain API servers to domain engines. */
export const computeBlocks: BlockEntry[] = [
  {
    id: 'stateless-service',
    name: 'Stateless service',
    aliases: ['microservice', 'app server', 'application server', 'API server', 'API tier'],
    group: 'compute',
    icon: 'Server',
    card: {
      what: 'An application service that keeps no session or user state in its own memory; state lives in a cache or DB, so any instance can answer any request. Each service owns one domain and its data.',
      when: 'The default API tier: put N identical copies behind a load balancer and add more when traffic grows. Split into microservices along domain lines once teams and load justify it.',
      tradeoffs:
        'Scales out trivially and survives instance loss, but every state read is a network hop. Many services mean no cross-service ACID (use sagas), plus tracing, contract tests and heavier ops.',
      numbers:
        'One server handles roughly 1K–10K RPS, 50K–100K with caching in front. Size the tier as peak RPS ÷ per-instance RPS, plus headroom for a lost zone.',
    },
    annotation: '10K RPS, 5 instances',
    sources: ['002_166e20fca8cfff70.txt', '004_883ce214cd1f0ecf.txt', '001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'monolith',
    name: 'Monolith',
    aliases: ['modular monolith', 'strangler fig', 'majestic monolith'],
    group: 'compute',
    icon: 'Building',
    card: {
      what: 'One deployable application holding all domains, ideally split into clean internal modules. A strangler-fig migration later routes one path at a time (e.g. /auth/*) to a new service via a gateway.',
      when: 'Small teams (under ~10 engineers), simple CRUD, weekly deploys, one stack, below ~10K RPS, or whenever speed of development is the priority. Start here and extract services when it hurts.',
      tradeoffs:
        'Simple to build, test, deploy and debug, with local transactions. But everything scales and ships together, one bad module can take the whole app down, and big teams block each other.',
      numbers:
        'Microservices pay off around 10+ engineers, daily deploys and 100K+ RPS. Instagram stayed a monolith past 100M users; a large strangler migration takes 1–3 years.',
    },
    annotation: '< 10K RPS',
    sources: ['001_49db91e9f3f145ef.txt', '000_660079a65f9868b6.txt', '004_883ce214cd1f0ecf.txt'],
  },
  {
    id: 'auto-scaling-group',
    name: 'Auto-scaling group',
    aliases: ['ASG', 'autoscaler', 'HPA', 'horizontal scaling', 'scale out', 'AKF scale cube'],
    group: 'compute',
    icon: 'Maximize2',
    card: {
      what: 'A pool of identical instances whose size follows load: a policy adds or removes nodes on CPU, memory or queue depth (AWS Auto Scaling, Kubernetes HPA). It is horizontal scaling, the X axis of the scale cube.',
      when: 'Stateless API tiers and worker pools with daily peaks or spiky traffic. Externalize state first; scale the database vertically or by sharding instead.',
      tradeoffs:
        'Pays only for needed capacity and replaces dead nodes, but new instances take time to boot, so sudden spikes still need headroom or a queue. Vertical scaling is simpler but hits a ceiling and is a SPOF.',
      numbers:
        'Design for 10x current load and plan for 100x. The largest cloud VMs reach a few hundred vCPUs, but one box stays one failure domain and its price climbs steeply, so scale out; instances needed ≈ peak RPS ÷ 1K–10K RPS per server.',
    },
    annotation: 'min 3, max 30',
    sources: ['002_166e20fca8cfff70.txt', '004_883ce214cd1f0ecf.txt', '001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'worker-pool',
    name: 'Worker pool',
    aliases: ['background workers', 'background jobs', 'job workers', 'async task queue', 'Celery', 'Sidekiq'],
    group: 'compute',
    icon: 'HardHat',
    card: {
      what: 'Consumers that pull jobs from a queue and do slow work off the request path. The API enqueues, returns a task ID at once, and records progress in a status store; results land in a DB or S3.',
      when: 'Anything longer than a request should wait for: video encoding, emails, exports, report generation, or absorbing spikes so the API stays fast.',
      tradeoffs:
        'Keeps latency low and lets workers scale on queue depth, but results are eventually consistent and the client must poll or get a webhook/SSE update. Jobs need retries, idempotency and a DLQ.',
      numbers:
        'Worker count ≈ job rate × job duration. A 30 s HTTP timeout vs 5–30 min jobs is the classic reason to go async; retry about 3 times before the DLQ.',
    },
    annotation: '20 workers',
    sources: [
      '003_00a63fccc9d8ea53.txt',
      '000_660079a65f9868b6.txt',
      '002_166e20fca8cfff70.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'task-scheduler',
    name: 'Task scheduler',
    aliases: ['cron', 'cron job', 'job scheduler', 'Airflow', 'Quartz', 'CronJob', 'delayed jobs'],
    group: 'compute',
    icon: 'CalendarClock',
    card: {
      what: 'A service that fires jobs at a time: recurring cron, one-off delayed tasks, or DAGs of dependent steps. A scheduler hands due tasks to a worker pool, with a leader-elected coordinator and a result store.',
      when: 'Reminders, nightly ETL, periodic cleanup, scheduled retries, or any "run X at time T" requirement that must survive node failures.',
      tradeoffs:
        'Prefer at-least-once delivery with idempotent tasks over exactly-once. A central coordinator is simple but must be made HA (ZooKeeper/etcd); push vs pull assignment trades latency against balance.',
      numbers:
        'Workers heartbeat every ~30 s; retry with backoff at 1, 2, 4, 8 s and park in the DLQ after 5 tries. Airflow at Uber runs 500K+ tasks/day; Celery at Instagram millions per hour.',
    },
    annotation: '500K tasks/day',
    sources: ['001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'workflow-engine',
    name: 'Workflow engine',
    aliases: ['workflow orchestrator', 'Step Functions', 'Temporal', 'durable execution', 'Cadence'],
    group: 'compute',
    icon: 'Workflow',
    card: {
      what: 'Runs a multi-step business process as a durable state machine: each step, retry and timeout is persisted, so the flow resumes where it stopped after a crash.',
      when: 'Long-running or multi-service flows such as checkout, ride booking, onboarding or media pipelines, where hand-rolled status columns and cron retries get out of hand.',
      tradeoffs:
        'Gives visible, debuggable workflows with built-in retries and durable state, at the price of a learning curve, per-transition cost and vendor lock-in. Steps must still be idempotent.',
      numbers:
        'Managed engines such as AWS Step Functions run billions of transitions a month. Each step costs one persisted state write; keep per-step retries bounded (e.g. 3) before compensating.',
    },
    annotation: '5 steps',
    sources: ['003_00a63fccc9d8ea53.txt', '001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'id-generator',
    name: 'ID generator',
    aliases: ['Snowflake', 'Snowflake ID', 'UUID', 'UUID v7', 'unique ID', 'Base62', 'ticket server'],
    group: 'compute',
    icon: 'Hash',
    card: {
      what: 'Issues unique IDs without a DB round trip. Snowflake packs a timestamp, machine ID and per-ms counter into 64 bits; UUID v7 is time-ordered; a Redis sequencer gives strictly increasing numbers.',
      when: 'Tweet, message, order or media IDs across many shards, where IDs must be unique, ideally time-sortable, and generated at high rate. Base62-encode them for short URLs.',
      tradeoffs:
        'Snowflake is sortable and coordination-free but relies on sane clocks and unique machine IDs. A central sequencer is simplest but must be highly available. Random UUIDs are easy but fragment indexes.',
      numbers:
        'Snowflake: 41-bit time + 10-bit machine + 12-bit sequence ≈ 4,096 IDs per ms per node. Seven Base62 chars give 62^7 ≈ 3.5 trillion codes.',
    },
    annotation: '4K IDs/ms/node',
    sources: [
      '002_166e20fca8cfff70.txt',
      '001_49db91e9f3f145ef.txt',
      '003_00a63fccc9d8ea53.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'notification-service',
    name: 'Notification service',
    aliases: ['push notifications', 'APNS', 'FCM', 'SMS gateway', 'Twilio', 'SendGrid', 'SES'],
    group: 'compute',
    icon: 'Bell',
    card: {
      what: 'Takes "notify user X" events from other services, applies preferences and templates, and hands them to per-channel workers for push (APNS/FCM), SMS (Twilio) and email (SES/SendGrid).',
      when: 'Any product that alerts users on several channels: OTPs, order updates, social activity, marketing. Keep it a separate service behind a queue so senders never block.',
      tradeoffs:
        'Centralizes quiet hours, frequency caps, dedup and retries, but third-party providers are slow and flaky, so it needs priority lanes (OTP before marketing), backoff and idempotency keys.',
      numbers:
        'Caps like 3 pushes/hour or 10 emails/day per user. Track the funnel sent → delivered → opened → clicked; one queue topic per channel.',
    },
    annotation: '3 push/h per user',
    sources: ['004_883ce214cd1f0ecf.txt', '001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'presence-service',
    name: 'Presence service',
    aliases: ['online status', 'presence', 'last seen', 'typing indicator'],
    group: 'compute',
    icon: 'UserCheck',
    card: {
      what: 'Tracks who is online. Clients heartbeat over their socket; the service refreshes a short-TTL key per user, and an expired key means offline. Status changes are broadcast to contacts.',
      when: 'Chat, collaboration and multiplayer apps that show online dots, "last seen", typing indicators or live cursors.',
      tradeoffs:
        'TTL keys are cheap and self-healing but status lags by up to one TTL. Broadcasting every change to big contact lists is costly, and typing/cursor events should be throttled and never persisted.',
      numbers:
        'Heartbeat every 15 s with a 30 s TTL (Slack uses sorted sets and a 30 s heartbeat). Throttle typing events to about 1 per 3 s, auto-expiring after 3 s.',
    },
    annotation: 'TTL 30 s',
    sources: ['002_166e20fca8cfff70.txt', '003_00a63fccc9d8ea53.txt', '004_883ce214cd1f0ecf.txt'],
  },
  {
    id: 'websocket-gateway',
    name: 'WebSocket gateway',
    aliases: ['connection gateway', 'WS gateway', 'connection server', 'chat server', 'socket server'],
    group: 'compute',
    icon: 'Cable',
    card: {
      what: 'A stateful tier of servers holding long-lived client sockets. A shared map (user → server) lets any backend find the right box, and a pub/sub backplane fans messages out across servers.',
      when: 'Chat, live collaboration, ride tracking, live scores: any design that pushes events to connected clients in real time.',
      tradeoffs:
        'Sockets make servers stateful: route with sticky sessions or consistent hashing, drain carefully on deploy, and design reconnects that replay from the last sequence number.',
      // Size by peak concurrent connections, not total users (seeds 001/002 divide 2B users by 100K).
      numbers:
        'About 100K concurrent connections per server. Divide peak concurrent connections: 500M online ÷ 100K ≈ 5K servers, ~10K at half load. Drop a client after 30 s without a ping.',
    },
    annotation: '100K conns/server',
    sources: [
      '001_49db91e9f3f145ef.txt',
      '002_166e20fca8cfff70.txt',
      '000_660079a65f9868b6.txt',
      '003_00a63fccc9d8ea53.txt',
    ],
  },
  {
    id: 'ranking-service',
    name: 'Ranking / ML service',
    aliases: ['recommendation service', 'recommender', 'ML inference', 'feature store', 'two-stage ranking'],
    group: 'compute',
    icon: 'BrainCog',
    card: {
      what: 'Scores and orders candidates (feed posts, videos, drivers) with a model. Pipeline: generate candidates, rank with features, filter, then serve; heavy work is often precomputed offline per user.',
      when: 'Personalized feeds, recommendations, search ranking or "top N" lists where ordering by recency alone is not good enough.',
      tradeoffs:
        'Live inference on every request is slow and costly; precompute offline and re-score lightly online instead. Needs a feature store, a cold-start fallback (popular by category) and regional models.',
      numbers:
        'Two stages: a light model (~10 ms) cuts to the top 500, a heavy model (~100 ms, 100+ features) ranks them. Aim for sub-200 ms inference; cache ranked feeds ~5 min.',
    },
    annotation: 'p99 < 200 ms',
    sources: ['001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'stream-processor',
    name: 'Stream processor',
    aliases: ['Flink', 'Spark Streaming', 'Kafka Streams', 'Dataflow', 'Apache Beam', 'real-time aggregation'],
    group: 'compute',
    icon: 'WavesHorizontal',
    card: {
      what: 'A cluster that consumes an event log continuously and keeps running state: windowed counts, dedup, joins, enrichment. Results go to an OLAP store, cache or another topic.',
      when: 'Real-time analytics, trending topics, traffic estimates, fraud signals or near-real-time indexing, when the answer must be seconds old rather than hours.',
      tradeoffs:
        'Fresh results, but harder than batch: late and out-of-order events, checkpointed state, exactly-once sinks. Many designs pair it with a batch job that recomputes the exact answer later.',
      numbers:
        'Typical flow: ingest → Kafka → stream aggregation → OLAP. Twitter dedups and rolls up events in 5-minute tumbling windows; traffic edge weights refresh every ~5 min.',
    },
    annotation: '5-min windows',
    sources: ['001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'batch-processor',
    name: 'Batch processor',
    aliases: ['MapReduce', 'Spark', 'batch job', 'ETL job', 'Hadoop MapReduce'],
    group: 'compute',
    icon: 'Factory',
    card: {
      what: 'Periodic jobs that read a large dataset from a lake or warehouse, transform and aggregate it in parallel (map, shuffle, reduce), and write derived data: indexes, counts, models, tries.',
      when: 'Building search indexes, hourly or nightly aggregates, ML training sets, or anything that can be hours stale but must cover all the data.',
      tradeoffs:
        'High throughput, simple to reason about and easy to rerun, but results are only as fresh as the last run. Spark keeps data in memory and is much faster than disk-based MapReduce.',
      numbers:
        'MapReduce indexes a 1 TB corpus in 1–2 h on 100 nodes; Spark is about 10x faster in memory. Typeahead tries are rebuilt hourly.',
    },
    annotation: 'hourly, 100 nodes',
    sources: ['001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'media-transcoder',
    name: 'Media transcoder',
    aliases: ['transcoding', 'FFmpeg', 'video encoder', 'encoding pipeline', 'thumbnail generator'],
    group: 'compute',
    icon: 'Film',
    card: {
      what: 'A worker farm (FFmpeg, often GPU) that turns an uploaded original into many resolutions and bitrates, cut into short segments with a manifest, plus thumbnails and audio tracks.',
      when: 'Video or image platforms: YouTube, Netflix, Instagram. Upload to object storage, enqueue a job, transcode, store renditions, then serve via CDN.',
      tradeoffs:
        'Always async: encoding takes minutes, so report progress and retry failed chunks. Chunking parallelizes work but adds orchestration. Storing every rendition multiplies storage many times over.',
      numbers:
        'Encoding takes 5–30 min per video. 5 s chunks give ~720 parallel jobs per hour of video. The rendition ladder totals ~1.5–2x the top rendition: ~4 GB per hour at 1080p.',
    },
    annotation: '720 jobs per video-hour',
    sources: [
      '001_49db91e9f3f145ef.txt',
      '002_166e20fca8cfff70.txt',
      '003_00a63fccc9d8ea53.txt',
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'collaboration-engine',
    name: 'Collaboration engine',
    aliases: ['collab server', 'sync server', 'collab engine', 'co-editing server', 'document sync'],
    group: 'compute',
    icon: 'UsersRoundCollaboration',
    card: {
      what: 'The server behind live co-editing: it orders incoming edits, transforms (OT) or merges (CRDT) them, appends them to an operation log, broadcasts them to other editors over sockets and tracks ACKs.',
      when: 'Google Docs, Figma, shared whiteboards: several people editing one document at once who must all converge on the same state.',
      tradeoffs:
        'A central server ordering ops gives one clear history but is a per-document bottleneck; CRDTs merge without an arbiter and suit offline use but carry metadata. Needs snapshots to bound log replay.',
      numbers:
        'Clients buffer keystrokes ~50 ms; client → server < 20 ms, server → other clients < 50 ms. Replicate across regions asynchronously (~1 s), never synchronously.',
    },
    annotation: 'p99 < 50 ms',
    sources: ['001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'location-service',
    name: 'Location service',
    aliases: ['location tracking', 'live location', 'driver location', 'GPS ingest'],
    group: 'compute',
    icon: 'MapPin',
    card: {
      what: 'Ingests frequent GPS pings from moving devices, keeps the latest position in a geo index for "who is near X" queries, archives history asynchronously, and publishes moves to watchers.',
      when: 'Ride-hailing, delivery, friend maps or fleet tracking, whenever many devices report position every few seconds.',
      tradeoffs:
        'Write-heavy and ephemeral: keep current positions in memory (Redis GEO/QuadTree) and history in a wide-column store. Small staleness (1–2 s) is fine; losing a ping is fine; throttle GPS to save battery.',
      numbers:
        'Drivers report every 4–5 s: 10M drivers → ~2M updates/s. Latest-position keys expire after ~60 s; QuadTree leaves hold ≤ 500 drivers.',
    },
    annotation: '2M updates/s',
    sources: ['000_660079a65f9868b6.txt', '001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'matching-service',
    name: 'Matching service',
    aliases: ['dispatch', 'ride matching', 'matchmaking', 'driver dispatch'],
    group: 'compute',
    icon: 'Handshake',
    card: {
      what: 'Pairs a request with a supplier: finds nearby candidates, filters (available, rating, vehicle), scores by ETA or distance, offers to the best few, and locks the winner so nobody is double-booked.',
      when: 'Ride-hailing, food delivery, dating or gaming matchmaking: any "assign one of many nearby resources" flow.',
      tradeoffs:
        'Needs strong consistency on the assignment (distributed lock or optimistic version) while location data stays eventual. Offering to several at once is faster but needs first-accept-wins logic.',
      numbers:
        'Target < 1 s (some seeds say < 5 s) to find a driver. Search ~5 km, widen from 2 to 5 km if empty; offer to the top 3–5 with a 15–30 s accept timeout and a 30 s lock.',
    },
    annotation: 'match < 1 s',
    sources: ['000_660079a65f9868b6.txt', '001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'routing-service',
    name: 'Routing / ETA service',
    aliases: ['ETA service', 'route planner', 'directions service', 'shortest path'],
    group: 'compute',
    icon: 'Route',
    card: {
      what: 'Computes routes and arrival times over a road graph split into segments, using precomputed shortcuts between border nodes and live traffic weights fed from location streams.',
      when: 'Maps and navigation, ride ETAs, delivery planning, surge and pricing inputs.',
      tradeoffs:
        'Precomputation (contraction hierarchies, border-node paths) makes queries fast but must be refreshed as traffic changes. One global graph on one server will not fit; partition by region.',
      numbers:
        'Contraction hierarchies answer a continental route query in about a millisecond vs seconds for plain Dijkstra (over 1,000x). Route requests < 500 ms; traffic weights refresh every 1–5 min; ~10 km × 10 km segments.',
    },
    annotation: 'route < 500 ms',
    sources: ['001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'search-service',
    name: 'Search service',
    aliases: ['search API', 'query service', 'search aggregator', 'full-text search service'],
    group: 'compute',
    icon: 'Search',
    card: {
      what: 'The query side of search: parses and spell-corrects the query, fans it out to index shards, merges and ranks hits (BM25, freshness, personalization) and returns a page. An indexer keeps the index fed.',
      when: 'Any product with full-text or faceted search over content the primary DB cannot search efficiently: posts, products, documents, places.',
      tradeoffs:
        'Reads stay fast but the index is eventually consistent with the DB (fed by CDC or an outbox). Scatter-gather latency follows the slowest shard; a query cache helps for hot terms.',
      numbers:
        '< 100 ms over billions of docs; the index is 20–50% of data size. Twitter-scale: 100K+ QPS, new tweets searchable within ~15 s, ~40% query-cache hit rate.',
    },
    annotation: 'p99 < 100 ms',
    sources: ['004_883ce214cd1f0ecf.txt', '001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'fan-out-service',
    name: 'Fan-out service',
    aliases: ['timeline fan-out', 'fanout workers', 'feed fan-out'],
    group: 'compute',
    icon: 'Share2',
    card: {
      what: 'After a post is written, copies its ID into each follower’s precomputed feed (push), or leaves feeds to be assembled on read (pull). The usual answer is hybrid: push for most, pull for celebrities.',
      when: 'News feeds, timelines, group chat delivery: one write that many readers must see, where reads far outnumber writes.',
      tradeoffs:
        'Push makes reads O(1) but costs O(followers) writes and wastes work on inactive users; pull is one write but slow, merge-heavy reads. Hybrid merges celebrity posts at read time.',
      numbers:
        'Thresholds vary by seed: push below ~1K–10K followers, pull above ~100K–1M. A 50M-follower push means 50M cache writes. Keep ~800 IDs per feed.',
    },
    annotation: 'push < 10K followers',
    sources: [
      '002_166e20fca8cfff70.txt',
      '001_49db91e9f3f145ef.txt',
      '003_00a63fccc9d8ea53.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'typeahead-builder',
    name: 'Typeahead trie builder',
    aliases: ['trie builder', 'suggestion service', 'autocomplete service', 'suggest API'],
    group: 'compute',
    icon: 'TextCursor',
    card: {
      what: 'An offline job that aggregates query logs into prefix tries with the top-K completions stored per node, publishes a new version, and suggestion servers hot-swap it into memory.',
      when: 'Search-box autocomplete where suggestions can be an hour stale and must return while the user types.',
      tradeoffs:
        'Serving from memory is very fast, but updates are batch (hourly), so trending terms lag. Tries get large: cap depth, split by prefix range or region, and fall back to a fuzzy search for typos.',
      numbers:
        'Suggest within < 100 ms (< 10 ms from Redis, < 50 ms from the trie); ~100K QPS; rebuild hourly; serialized tries ~10 GB; top 5–10 per prefix.',
    },
    annotation: 'rebuild hourly',
    sources: ['001_49db91e9f3f145ef.txt', '004_883ce214cd1f0ecf.txt'],
  },
]
