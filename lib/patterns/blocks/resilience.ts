import type { BlockEntry } from '../catalogSchema'

/** Resilience: how a design keeps working, or fails gracefully, when parts of it break. */
export const resilienceBlocks: BlockEntry[] = [
  {
    id: 'circuit-breaker',
    name: 'Circuit breaker',
    aliases: ['Hystrix', 'Resilience4j', 'Polly', 'fail fast'],
    group: 'resilience',
    icon: 'Unplug',
    card: {
      what: 'A guard around calls to a dependency. After repeated failures it opens and fails fast; after a cool-down it lets a probe through (half-open) and closes again once calls succeed.',
      when: 'Synchronous calls to a slow or flaky dependency, such as a fraud check or third-party API, so one outage does not hold every caller hostage.',
      tradeoffs:
        'Stops failures cascading and gives the dependency room to recover, but needs a defined fallback while open, and badly tuned thresholds trip too early or too late.',
      numbers:
        'Typical: open after 5 consecutive failures, probe after 30–60 s, close after 2 successes. Without one, every payment waits the full 5 s on a dead fraud check.',
    },
    annotation: 'open after 5 fails',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 14: Circuit Breaker' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Circuit Breaker Pattern' },
      { source: '002_166e20fca8cfff70.txt', section: 'Circuit Breaker + Bulkhead + Retry' },
      '003_00a63fccc9d8ea53.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Circuit Breaker & Resilience' },
    ],
  },
  {
    id: 'bulkhead',
    name: 'Bulkhead',
    aliases: ['thread pool isolation', 'resource isolation', 'bulkhead isolation'],
    group: 'resilience',
    icon: 'BrickWallShield',
    card: {
      what: 'Split resources such as thread pools, connection pools or instances per dependency or per client tier, like the sealed compartments of a ship hull.',
      when: 'A service calls several dependencies or serves several tiers of clients, and one slow dependency or noisy tenant must not starve everyone else.',
      tradeoffs:
        'Limits the blast radius of a failure, but fixed pools sit idle when their dependency is quiet and each one needs sizing; too many compartments make tuning hard.',
      numbers:
        'Size each pool as calls/s × latency: 200 calls/s at 100 ms needs ~20 concurrent slots, plus headroom. Usually paired with a circuit breaker and retries.',
    },
    annotation: 'pool per dependency',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Circuit Breaker + Bulkhead + Retry' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Circuit Breaker & Resilience' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'retry-backoff',
    name: 'Retry with backoff + jitter',
    aliases: ['exponential backoff', 'jitter', 'retry budget', 'backoff'],
    group: 'resilience',
    icon: 'RotateCw',
    card: {
      what: 'Retry transient failures after delays that grow exponentially and are randomized, capped at a maximum delay and a maximum number of attempts.',
      when: 'Network blips, timeouts and 5xx errors on idempotent calls, and client reconnects. Never retry 4xx; give non-idempotent writes an idempotency key first.',
      tradeoffs:
        'Hides transient faults, but each retry adds load to a service that may already be struggling. Jitter breaks up synchronized retry storms; a retry budget caps amplification.',
      numbers:
        'Delays of 1, 2, 4, 8, 16 s with ±25% jitter, capped at a max delay; reconnect backoff usually tops out around 30 s.',
    },
    annotation: 'max 5 attempts',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Retry with Exponential Backoff' },
      { source: '002_166e20fca8cfff70.txt', section: 'Circuit Breaker + Bulkhead + Retry' },
      '003_00a63fccc9d8ea53.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Circuit Breaker & Resilience' },
    ],
  },
  {
    id: 'timeout-fallback',
    name: 'Timeout + fallback',
    aliases: ['graceful degradation', 'fallback', 'degraded mode', 'deadline'],
    group: 'resilience',
    icon: 'TimerOff',
    card: {
      what: 'Put a deadline on every remote call, and when it fails return something acceptable instead of an error: cached data, a default, or a reduced feature.',
      when: 'On every network call. Fallbacks suit features that can degrade: stale recommendations, a generic feed, or a payment accepted and flagged for later review.',
      tradeoffs:
        'Keeps latency bounded and the product up, but the stale or partial answer must be acceptable to users, and timeouts set under normal p99 cause needless failures.',
      numbers:
        'Order of defences: timeout, retry with backoff, circuit breaker, then fallback. Set each timeout just above the callee p99 so the whole chain fits the user-facing SLO.',
    },
    annotation: 'timeout 500 ms',
    sources: [
      '002_166e20fca8cfff70.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Circuit Breaker & Resilience' },
      '001_49db91e9f3f145ef.txt',
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'failover',
    name: 'Failover / redundancy',
    aliases: ['active-passive', 'active-active', 'hot standby', 'HA pair'],
    group: 'resilience',
    icon: 'ArrowRightLeft',
    card: {
      what: 'Run redundant copies of a component and shift traffic to a healthy one when health checks fail. Active-passive keeps a standby; active-active serves from every copy.',
      when: 'To remove single points of failure: databases (promote a replica), load balancers, stateful services and whole availability zones.',
      tradeoffs:
        'Active-passive is simple but leaves a standby idle and has brief downtime on switchover; active-active uses all capacity with no gap but needs conflict-safe data sync.',
      numbers:
        'Downtime per year: 99.9% ≈ 8.77 h, 99.99% ≈ 52.6 min, 99.999% ≈ 5.26 min. Detection plus promotion takes seconds to minutes; track MTTR.',
    },
    annotation: 'active-passive',
    sources: [
      { source: '004_883ce214cd1f0ecf.txt', section: 'Availability & Reliability' },
      '001_49db91e9f3f145ef.txt',
      { source: '002_166e20fca8cfff70.txt', section: 'Leader Election — How etcd/ZooKeeper Handle It' },
    ],
  },
  {
    id: 'multi-region-dr',
    name: 'Multi-region DR',
    aliases: ['disaster recovery', 'DR', 'multi-AZ', 'RTO', 'RPO', 'geo-redundancy'],
    group: 'resilience',
    icon: 'Globe',
    card: {
      what: 'Replicate data and deploy across availability zones and regions so losing a zone or region is survivable; DNS or a global load balancer moves users over.',
      when: 'Availability targets of 99.99% and up, global user bases, regulatory recovery needs. Multi-AZ is the baseline; go multi-region when a regional outage is unacceptable.',
      tradeoffs:
        'Survives large failures and brings data closer to distant users, but async replication loses the latest writes (RPO), sync replication adds cross-region latency, and cost roughly doubles.',
      numbers:
        'Uber: primary region takes 90% of traffic, hot standby, DNS failover RTO ~2 min. WhatsApp and Google Docs: async cross-region replication, RTO ~5 min.',
    },
    annotation: 'RTO 5 min',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Availability: Multi-Region Replication' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Availability & Reliability' },
    ],
  },
  {
    id: 'checkpointing',
    name: 'Checkpointing',
    aliases: ['checkpoint', 'savepoint', 'progress snapshot'],
    group: 'resilience',
    icon: 'Save',
    card: {
      what: 'Periodically save the state of a job or process to durable storage, so after a crash it resumes from the last checkpoint instead of starting over.',
      when: 'Long-running tasks, stream processors such as Flink or Spark, consensus logs (etcd snapshots plus WAL) and large batch jobs split into sub-tasks.',
      tradeoffs:
        'More frequent checkpoints lose less work but cost more I/O and pauses; work after the last checkpoint is replayed, so the steps must be idempotent.',
      numbers:
        'Lost work is at most one interval: saving progress every N minutes means a restart redoes at most N minutes. Incremental checkpoints write only what changed.',
    },
    annotation: 'every 5 min',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: '1.2 Fault Tolerance' },
      { source: '003_00a63fccc9d8ea53.txt', section: 'Q1: Task fails after 2 hours?' },
    ],
  },
  {
    id: 'backpressure',
    name: 'Backpressure / load shedding',
    aliases: ['load shedding', 'admission control', 'flow control', 'bounded queue'],
    group: 'resilience',
    icon: 'Gauge',
    card: {
      what: 'Push overload back upstream instead of collapsing: bound queues, slow down or reject producers, and drop low-priority work once capacity is exceeded.',
      when: 'Consumers slower than producers, traffic bursts, retry storms after an outage, hot partitions: anywhere a queue, worker pool or DB connection pool can fill up.',
      tradeoffs:
        'Keeps the system stable and latency bounded under overload, but some requests get a 429/503 or wait; you must decide what to shed first, and clients must back off.',
      numbers:
        'Queue depth is the signal; wait ≈ depth ÷ drain rate, so 100K queued at 1K/s is 100 s of lag. Cap queues at what can drain within the SLO, then scale consumers.',
    },
    annotation: 'max queue 10K',
    sources: [
      { source: '004_883ce214cd1f0ecf.txt', section: 'Message Queues & Event Streaming' },
      '002_166e20fca8cfff70.txt',
    ],
  },
]
