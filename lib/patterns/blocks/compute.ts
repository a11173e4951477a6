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
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Monolith vs Microservices Decision' },
      '000_660079a65f9868b6.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Microservices Architecture' },
    ],
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
    sources: [
      '002_166e20fca8cfff70.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Scalability' },
      '001_49db91e9f3f145ef.txt',
    ],
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
      { source: '003_00a63fccc9d8ea53.txt', section: '1. Async Task Queue (Most Common)' },
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 6: Message Queue (Asynchronous Processing)' },
      { source: '002_166e20fca8cfff70.txt', section: 'Write-Ahead Queue + Async Workers' },
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
    sources: [{ source: '001_49db91e9f3f145ef.txt', section: '5. Distributed Task Scheduler' }],
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
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: '5. State Machines (Step Functions)' },
      '001_49db91e9f3f145ef.txt',
    ],
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
      { source: '002_166e20fca8cfff70.txt', section: 'Snowflake ID / UUID v7' },
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
    sources: [
      { source: '004_883ce214cd1f0ecf.txt', section: 'Design Notification System' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Q5: "Design a Notification System"' },
      { source: '002_166e20fca8cfff70.txt', section: 'LLD: Notification System' },
    ],
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
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'WebSocket at Scale' },
      '003_00a63fccc9d8ea53.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
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
      { source: '001_49db91e9f3f145ef.txt', section: 'WebSocket Management' },
      { source: '002_166e20fca8cfff70.txt', section: 'WebSocket at Scale' },
      '000_660079a65f9868b6.txt',
      '003_00a63fccc9d8ea53.txt',
    ],
  },
]
