import type { RedFlag, RubricDimension } from './rubricSchema'

/**
 * The ten scored dimensions, D1–D10, each with anchors for 1 (not yet / red flag), 2 (developing, mid-level),
 * 3 (solid, senior) and 4 (strong, staff signal). Paraphrased from the seeds' notes on what interviewers score.
 */
export const rubricDimensions: RubricDimension[] = [
  {
    id: 'requirements',
    name: 'Requirements & scoping',
    summary: 'Finds out what the system must do and how well, before drawing anything.',
    anchors: [
      'Starts drawing components straight away; never asks about scale, latency or consistency and quietly assumes the scope.',
      'Lists the core features and a few non-functional needs, but does not rank them or say what is left out.',
      'Splits must-haves from nice-to-haves; asks about users, scale, read/write mix, latency targets, consistency, regions and clients; writes the answers on the board and names what is out of scope.',
      'Leads the discovery and uncovers requirements nobody mentioned (abuse, compliance, data residency, cost), then links each non-functional target to a business reason.',
    ],
    sources: [
      '002_166e20fca8cfff70.txt',
      '003_00a63fccc9d8ea53.txt',
      '000_660079a65f9868b6.txt',
      '001_49db91e9f3f145ef.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'estimation',
    name: 'Capacity estimation',
    summary: 'Sizes traffic, storage, bandwidth and memory quickly enough to guide the design.',
    anchors: [
      'Skips the numbers, gets them off by orders of magnitude, or burns well over five minutes on arithmetic.',
      'Works out QPS or storage, but forgets peak versus average traffic or never looks at bandwidth.',
      'Goes from daily users to average and peak QPS, then storage over the retention period, bandwidth and cache size; states each assumption and rounds hard.',
      'Lets the numbers pick the design (e.g. this egress forces a CDN), says whether the load is CPU, memory, I/O or network bound, and sanity-checks the orders of magnitude.',
    ],
    sources: [
      '000_660079a65f9868b6.txt',
      '002_166e20fca8cfff70.txt',
      '004_883ce214cd1f0ecf.txt',
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'api-data-model',
    name: 'API & data model',
    summary: 'Defines the contracts clients use and the data shape that serves them.',
    anchors: [
      'Defines no interface; the schema is missing or cannot support the main use cases.',
      'Sketches a few endpoints and tables, but without keys, indexes or a thought about how data is queried.',
      'Puts the API first (resources, methods, status codes, pagination, idempotency); lists entities with keys and the index behind each query; picks SQL or NoSQL from the access patterns and names a shard key.',
      'Covers versioning, cursor pagination for feeds, idempotency keys on money paths and a shared error format; checks the shard key for hot spots and models status fields as state machines.',
    ],
    sources: ['002_166e20fca8cfff70.txt', '001_49db91e9f3f145ef.txt', '004_883ce214cd1f0ecf.txt'],
  },
  {
    id: 'high-level-design',
    name: 'High-level architecture',
    summary: 'Draws a clear end-to-end design whose data flow works for the core use cases.',
    anchors: [
      'Key components are missing or data flows the wrong way; the diagram is a tangle of unlabelled boxes and lines.',
      'The boxes are reasonable, but it is hard to follow how a write lands or how a read is served.',
      'Draws a tidy layered diagram at one level of detail: write path first, then read path, arrows labelled sync or async, numbers on the boxes; begins simple and grows it.',
      'Every box scales on its own; real-time, async and batch flows are kept apart, and the board shows where the source of truth, caches, replicas and replay live.',
    ],
    sources: ['002_166e20fca8cfff70.txt', '003_00a63fccc9d8ea53.txt', '001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'deep-dive',
    name: 'Deep dive & technical depth',
    summary: 'Goes inside the hardest component and explains how and why it works.',
    anchors: [
      'Cannot say anything below the level of the boxes on the board.',
      'Talks about one component, but only at surface level, without internals or reasons.',
      'Chooses the hardest part (or asks which one) and explains its internals and why they fit, e.g. LSM trees, sorted sets, log partitions, geohashes or CRDTs.',
      'Weighs two or three options with numbers, names the tuning knobs (TTLs, partition counts, batch sizes, retry and timeout budgets) and works through the edge cases.',
    ],
    sources: ['002_166e20fca8cfff70.txt', '004_883ce214cd1f0ecf.txt', '003_00a63fccc9d8ea53.txt'],
  },
  {
    id: 'trade-offs',
    name: 'Trade-off reasoning',
    summary: 'Compares alternatives and commits to a choice with a stated reason.',
    anchors: [
      'Offers a single option with no alternatives, often wrapped in buzzwords.',
      'Names alternatives but never settles on one or explains what each would cost.',
      'States what each option gains and what it costs, then picks one and says why; ties CAP or PACELC choices to the domain rather than reciting them.',
      'Raises the limits of the design unprompted, discusses where patterns collide (caching vs freshness, sharding vs joins, consistency vs availability) and how to migrate later.',
    ],
    sources: ['003_00a63fccc9d8ea53.txt', '000_660079a65f9868b6.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'scalability',
    name: 'Scalability & bottlenecks',
    summary: 'Finds what limits growth and applies the right lever for it.',
    anchors: [
      'The only scaling plan is to add more servers.',
      'Adds a cache or replicas by reflex, without first showing where the bottleneck is.',
      'Locates the bottleneck before fixing it and applies levers in order (replicas, then cache, then sharding); deals with hot keys, celebrity users and fan-out.',
      'Plans for 10x and 100x growth, says what breaks first, sizes shards from capacity numbers and keeps cost in view (e.g. tiered CDN).',
    ],
    sources: ['002_166e20fca8cfff70.txt', '000_660079a65f9868b6.txt', '004_883ce214cd1f0ecf.txt'],
  },
  {
    id: 'reliability',
    name: 'Reliability & failure handling',
    summary: 'Plans for failures, duplicates and inconsistency, and picks consistency per data type.',
    anchors: [
      'Only the happy path is considered; failures never come up.',
      'Mentions replication or backups, but no concrete failure scenarios.',
      'Handles retries with backoff, idempotency, duplicate events, timeouts, circuit breakers, replica lag, partial writes and stale caches; chooses a consistency level per kind of data.',
      'Opens with what can go wrong; covers disaster recovery targets, multiple regions, saga compensation and effectively-once processing, and names and fixes race conditions in the low-level design.',
    ],
    sources: ['002_166e20fca8cfff70.txt', '003_00a63fccc9d8ea53.txt'],
  },
  {
    id: 'operations',
    name: 'Operational excellence',
    summary: 'Shows how the system would be observed, rolled out and run day to day.',
    anchors: [
      'Says nothing about running the system in production.',
      'Says it would need "monitoring", with no detail on what to measure.',
      'Names request and resource metrics, logs, traces, SLOs and alerts on tail latency and error rate.',
      'Closes with observability for the critical path, a migration or rollout plan, cost and compliance, and how a team would maintain it.',
    ],
    sources: ['002_166e20fca8cfff70.txt', '001_49db91e9f3f145ef.txt', '003_00a63fccc9d8ea53.txt'],
  },
  {
    id: 'communication',
    name: 'Communication & collaboration',
    summary: 'Makes the reasoning easy to follow and works with the interviewer as a teammate.',
    anchors: [
      'Works in silence or jumps around; argues with hints instead of using them.',
      'Explains when asked, but the interviewer has to drag the answers out; time runs out.',
      'Thinks aloud, moves through clear phases on time, checks in, narrates from the diagram and admits uncertainty.',
      'Runs the session, adapts to hints, and is clear enough that a teammate could build it without guessing; lets the interviewer choose where to go deeper.',
    ],
    sources: ['002_166e20fca8cfff70.txt', '003_00a63fccc9d8ea53.txt', '000_660079a65f9868b6.txt'],
  },
]

/** The toggles on the interviewer panel's red-flag checklist. */
export const redFlags: RedFlag[] = [
  {
    id: 'jumped-to-solution',
    label: 'Jumped to a solution before understanding the problem',
    sources: ['003_00a63fccc9d8ea53.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'no-requirements',
    label: 'No requirements or scope agreed',
    sources: ['003_00a63fccc9d8ea53.txt', '002_166e20fca8cfff70.txt', '000_660079a65f9868b6.txt'],
  },
  {
    id: 'no-estimation',
    label: 'No capacity estimate',
    sources: ['001_49db91e9f3f145ef.txt', '000_660079a65f9868b6.txt'],
  },
  {
    id: 'buzzwords',
    label: 'Buzzwords without understanding',
    sources: ['003_00a63fccc9d8ea53.txt'],
  },
  {
    id: 'invented-facts',
    label: 'Made up facts about real systems',
    sources: ['003_00a63fccc9d8ea53.txt'],
  },
  {
    id: 'trendy-defaults',
    label: 'Microservices, Kubernetes or NoSQL by default',
    sources: ['001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'premature-sharding',
    label: 'Sharded or over-scaled from the start',
    sources: ['001_49db91e9f3f145ef.txt', '003_00a63fccc9d8ea53.txt'],
  },
  {
    id: 'caches-everything',
    label: 'Caches everything, no hot-set reasoning',
    sources: ['001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'ignores-failures',
    label: 'Ignores failure modes',
    sources: ['003_00a63fccc9d8ea53.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'ignores-operations',
    label: 'Ignores operations and monitoring',
    sources: ['003_00a63fccc9d8ea53.txt', '001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'unlabelled-diagram',
    label: 'Unlabelled diagram or arrows',
    sources: ['002_166e20fca8cfff70.txt', '003_00a63fccc9d8ea53.txt'],
  },
  {
    id: 'no-deep-dive',
    label: 'Ran out of time without a deep dive',
    sources: ['002_166e20fca8cfff70.txt'],
  },
  {
    id: 'ignores-tradeoffs',
    label: 'Picked options without weighing trade-offs',
    sources: ['003_00a63fccc9d8ea53.txt', '000_660079a65f9868b6.txt'],
  },
  {
    id: 'blobs-in-database',
    label: 'Stored files, images or video in the database',
    sources: ['001_49db91e9f3f145ef.txt', '003_00a63fccc9d8ea53.txt'],
  },
  {
    id: 'spof-left-in',
    label: 'Left a single point of failure in the design',
    sources: ['001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'database-as-queue',
    label: 'Used the database as a message queue',
    sources: ['001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'gave-up-unfamiliar',
    label: 'Gave up on an unfamiliar system instead of reasoning',
    sources: ['000_660079a65f9868b6.txt'],
  },
]
