import type { BlockEntry } from '../catalogSchema'

/** Consistency & coordination: how replicas agree, how concurrent writers are kept apart, and what is promised to readers. */
export const consistencyBlocks: BlockEntry[] = [
  {
    id: 'cap-theorem',
    name: 'CAP theorem',
    aliases: ['CAP', 'CP vs AP', 'Brewer theorem'],
    group: 'consistency',
    icon: 'Triangle',
    card: {
      what: 'During a network partition a replicated system must either refuse some requests (CP, stay consistent) or answer with possibly stale data (AP, stay available). Partitions will happen, so CA is not a real option at scale.',
      when: 'Early in the design, per piece of data: money, inventory and patient records lean CP; likes, feeds, catalogs, driver locations and recommendations lean AP.',
      tradeoffs:
        'CP stores (ZooKeeper, etcd, HBase, MongoDB with majority writes) return errors under partition; AP stores (Cassandra, DynamoDB, CouchDB, Riak) stay up but can serve old data and must reconcile later.',
      numbers:
        'State it per feature, e.g. "payments CP, timeline AP". One system can mix both: Uber keeps payments CP while driver positions stay AP.',
    },
    annotation: 'payments CP, feed AP',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 5: CAP Theorem (The Fundamental Trade-off)' },
      { source: '001_49db91e9f3f145ef.txt', section: 'CAP Theorem - Practical Examples' },
      { source: '002_166e20fca8cfff70.txt', section: 'CAP Theorem' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'CAP Theorem' },
    ],
  },
  {
    id: 'pacelc',
    name: 'PACELC',
    aliases: ['PA/EL', 'PC/EC', 'latency vs consistency'],
    group: 'consistency',
    icon: 'Scale',
    card: {
      what: 'Extends CAP: if Partitioned, pick Availability or Consistency; Else, in normal running, pick lower Latency or stronger Consistency.',
      when: 'To show depth after CAP: most of the time there is no partition, and the real everyday cost of strong consistency is extra latency on every request.',
      tradeoffs:
        'PA/EL systems answer fast from nearby replicas but may be stale; PC/EC systems coordinate on every write and pay in latency, including across regions.',
      // Seed 001 lists MongoDB as PC/EC. Abadi (PACELC, IEEE Computer 2012) classes it PA/EC: in normal running reads
      // go to the primary (EC), but under partition an old primary keeps answering local reads and w:1 writes can be
      // rolled back (PA). Majority read/write concerns (w: majority is the default since 5.0) move it toward PC/EC.
      numbers:
        'DynamoDB and Cassandra are PA/EL; Spanner is PC/EC; MongoDB defaults to PA/EC and nears PC/EC with majority concerns. A cross-region round trip costs ~70 ms (NYC–London) to ~170 ms (NYC–Tokyo).',
    },
    annotation: 'PA/EL',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'PACELC — More Practical Than CAP' },
      { source: '001_49db91e9f3f145ef.txt', section: 'PACELC - Beyond CAP' },
    ],
  },
  {
    id: 'consistency-models',
    name: 'Consistency model',
    aliases: [
      'strong consistency',
      'eventual consistency',
      'causal consistency',
      'read-your-writes',
      'linearizability',
      'monotonic reads',
    ],
    group: 'consistency',
    icon: 'GitCompare',
    card: {
      what: 'The promise a store makes about what a read can see, from strongest to weakest: linearizable, sequential, causal, read-your-writes, monotonic reads, eventual.',
      when: 'Name one per data path. Strong for balances, inventory, bookings, locks and leader election; causal for chat and co-editing; eventual for feeds, analytics, DNS and catalogs.',
      tradeoffs:
        'Stronger models need coordination, which costs latency and availability; weaker ones are fast and always up but show stale or out-of-order data the product must tolerate.',
      numbers:
        'Eventual replicas usually converge within milliseconds to seconds; read-your-writes is often approximated by reading from the primary for ~1 s after a write.',
    },
    annotation: 'eventual, < 1 s',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Concept 1: Consistency Models' },
      { source: '002_166e20fca8cfff70.txt', section: 'Consistency Models (Spectrum)' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Consistency Patterns' },
      '003_00a63fccc9d8ea53.txt',
    ],
  },
  {
    id: 'consensus',
    name: 'Raft / leader election',
    aliases: ['Raft', 'Paxos', 'consensus', 'leader election', 'split brain'],
    group: 'consistency',
    icon: 'Crown',
    card: {
      what: 'A consensus protocol lets a small cluster agree on one ordered log. In Raft, one leader takes writes, followers replicate, and an entry commits once a majority acks; if the leader goes quiet, a candidate calls an election.',
      when: 'Small, critical state: picking a leader, cluster membership, configuration, locks. It powers etcd, ZooKeeper, Consul, CockroachDB and TiKV. Overkill for replicating bulk data.',
      tradeoffs:
        'Safe against split brain and survives a minority of failures, but each write needs a majority round trip, the leader is a throughput ceiling, and elections pause writes briefly.',
      numbers:
        'Raft election timeouts are randomized at 150-300 ms. 3 nodes tolerate 1 failure, 5 tolerate 2. Patroni-style PostgreSQL failover takes ~30 s.',
    },
    annotation: '5 nodes, majority 3',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Concept 2: Consensus Algorithms' },
      { source: '002_166e20fca8cfff70.txt', section: 'Leader Election — How etcd/ZooKeeper Handle It' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Distributed Consensus' },
    ],
  },
  {
    id: 'coordination-service',
    name: 'Coordination service',
    aliases: ['ZooKeeper', 'etcd', 'ZK', 'config service'],
    group: 'consistency',
    icon: 'Network',
    card: {
      what: 'A small, strongly consistent store built on consensus (ZooKeeper, etcd) that other services use for shared facts: who is alive, who leads, who owns which task, which config version is live.',
      when: 'Worker registries and task assignment, leader election, distributed locks, and rolling out a new version atomically, e.g. hot-swapping a typeahead trie.',
      tradeoffs:
        'Gives a reliable source of truth without writing consensus yourself, but it is one more critical cluster to run, and it is slow for bulk data: store small metadata only.',
      numbers:
        'Run 3 or 5 nodes so a majority survives 1 or 2 failures. Keep values small (metadata, not payloads); clients watch keys instead of polling.',
    },
    annotation: '3-node ensemble',
    sources: [
      '001_49db91e9f3f145ef.txt',
      { source: '000_660079a65f9868b6.txt', section: 'Concept 2: Consensus Algorithms' },
      { source: '002_166e20fca8cfff70.txt', section: 'Leader Election — How etcd/ZooKeeper Handle It' },
    ],
  },
  {
    id: 'distributed-lock',
    name: 'Distributed lock',
    aliases: ['Redlock', 'SET NX', 'lease', 'fencing token', 'advisory lock', 'mutex'],
    group: 'consistency',
    icon: 'LockKeyhole',
    card: {
      what: 'A lock that many servers respect, usually a key with an expiry: SET key owner NX PX in Redis, released with a compare-and-delete script; or a lock node in ZooKeeper, or a DB advisory lock.',
      when: 'Stopping double assignment of a scarce resource: a seat, a driver, an inventory unit, a job that must run once.',
      tradeoffs:
        'Redis locks (Redlock) are fast but not fully safe under clock or failover trouble; ZooKeeper is slower but safer; DB advisory locks suit simple cases. The TTL avoids deadlock but can expire mid-work: use fencing tokens.',
      numbers:
        'Uber-style driver lock: SET NX with a 30 s expiry while the rider is matched. A Redis lock round trip is ~1 ms.',
    },
    annotation: 'TTL 30 s',
    sources: [
      '000_660079a65f9868b6.txt',
      { source: '001_49db91e9f3f145ef.txt', section: 'Distributed Lock (Prevent Race Conditions)' },
      '002_166e20fca8cfff70.txt',
      { source: '003_00a63fccc9d8ea53.txt', section: 'Q2: Distributed locks at scale?' },
    ],
  },
  {
    id: 'optimistic-locking',
    name: 'Optimistic locking',
    aliases: ['OCC', 'optimistic concurrency', 'version column', 'compare-and-set', 'CAS'],
    group: 'consistency',
    icon: 'LockOpen',
    card: {
      what: 'Read a row with its version number, do the work, then write only if the version is unchanged (UPDATE … WHERE version = v); if someone else got there first, re-read and retry.',
      when: 'Low contention and read-heavy data where conflicts are rare and a retry is cheap: profile edits, wiki pages, most CRUD updates.',
      tradeoffs:
        'No locks held and high throughput when conflicts are rare, but under heavy contention (a hot seat or item) most attempts fail and retry, wasting work.',
      numbers:
        'Good while conflict rates stay low (a few percent of writes); cap retries at ~3 before surfacing an error.',
    },
    annotation: 'version check, 3 retries',
    sources: [
      '000_660079a65f9868b6.txt',
      '002_166e20fca8cfff70.txt',
      { source: '003_00a63fccc9d8ea53.txt', section: '1. Optimistic Locking' },
    ],
  },
  {
    id: 'pessimistic-locking',
    name: 'Pessimistic locking',
    aliases: ['SELECT FOR UPDATE', 'row lock', 'row-level locking', 'two-phase locking', '2PL'],
    group: 'consistency',
    icon: 'Lock',
    card: {
      what: 'Take the lock before reading, hold it through the update, release on commit; others wait. Done with SELECT … FOR UPDATE, row or table locks, or a distributed lock.',
      when: 'High contention on the same rows where conflicts must never happen: the final purchase of a seat, moving money between accounts.',
      tradeoffs:
        'Conflicts cannot occur and behavior is predictable, but throughput drops, waiting requests pile up, and deadlocks appear unless locks are always taken in the same order with timeouts.',
      numbers:
        'Keep lock hold times short, under ~100 ms, as in Ticketmaster-style seat purchases. Order locks by key (e.g. ascending account_id) to avoid deadlock.',
    },
    annotation: 'hold < 100 ms',
    sources: [
      '000_660079a65f9868b6.txt',
      '002_166e20fca8cfff70.txt',
      { source: '003_00a63fccc9d8ea53.txt', section: '2. Pessimistic Locking' },
    ],
  },
  {
    id: 'two-phase-commit',
    name: 'Two-phase commit',
    aliases: ['2PC', '3PC', 'XA transaction', 'atomic commit'],
    group: 'consistency',
    icon: 'Handshake',
    card: {
      what: 'A coordinator asks every participant to prepare (lock and vote), then tells all of them to commit, or all to abort if anyone voted no.',
      when: 'Atomic writes across shards inside one tightly coupled system, e.g. distributed SQL engines such as Spanner (2PC over Paxos groups). Avoid across microservices.',
      tradeoffs:
        'All-or-nothing with immediate consistency, but slow, blocking (a coordinator crash leaves locks held) and intolerant of partitions. 3PC fixes some blocking and is rarely used.',
      numbers:
        'Costs at least two network round trips per transaction, with locks held in between, so latency grows with the slowest participant.',
    },
    annotation: '2 round trips',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Concept 3: Distributed Transactions' },
      '002_166e20fca8cfff70.txt',
      { source: '003_00a63fccc9d8ea53.txt', section: '2. Two-Phase Commit (2PC)' },
    ],
  },
  {
    id: 'saga',
    name: 'Saga',
    aliases: ['saga orchestration', 'saga choreography', 'compensating transaction', 'compensation'],
    group: 'consistency',
    icon: 'Workflow',
    card: {
      what: 'A long business transaction split into local steps (reserve stock, charge card, create order), each with a compensating undo that runs in reverse order if a later step fails.',
      when: 'Multi-service workflows such as checkout or booking, long-running steps, or external partners. Orchestration (central coordinator) is easier to monitor; choreography (services react to events) is looser but harder to trace.',
      tradeoffs:
        'Keeps services decoupled and available, but the system is only eventually consistent, intermediate states are visible, and every compensation must be idempotent and retried.',
      numbers:
        'Failed compensations: retry with exponential backoff, then park in a DLQ for a human workflow. Typical checkout saga: 4-5 steps.',
    },
    annotation: '5 steps, orchestrated',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Concept 3: Distributed Transactions' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Saga Pattern (Distributed Transactions)' },
      { source: '002_166e20fca8cfff70.txt', section: 'Saga Pattern' },
      { source: '003_00a63fccc9d8ea53.txt', section: '3. Saga Pattern (Preferred)' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'idempotency-key',
    name: 'Idempotency key',
    aliases: ['Idempotency-Key', 'idempotent request', 'exactly-once', 'effectively-once', 'request dedup'],
    group: 'consistency',
    icon: 'Key',
    card: {
      what: 'The client sends a unique key (a UUID) with each mutating request; the server stores the key with its response, so a retry with the same key returns the saved result instead of acting twice.',
      when: 'Payments, orders and any write a client or queue may retry. Stack layers: key at the producer, dedup in the queue, idempotent consumer, DB unique constraint.',
      tradeoffs:
        'Makes at-least-once delivery safe, giving effectively-once results, but needs a fast key store, a TTL policy and care with concurrent duplicates. Do not cache failures.',
      numbers: 'Keys kept ~24 h in Redis, as Stripe and PayPal do. Lookup adds ~1 ms per request.',
    },
    annotation: 'TTL 24 h',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Idempotency Key Pattern (Prevent Duplicate Payments!)' },
      { source: '002_166e20fca8cfff70.txt', section: 'Idempotency & Safety' },
      { source: '003_00a63fccc9d8ea53.txt', section: '4. Idempotency Pattern' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'logical-clocks',
    name: 'Logical clocks',
    aliases: ['Lamport clock', 'vector clock', 'version vector', 'last-write-wins', 'LWW'],
    group: 'consistency',
    icon: 'Clock3',
    card: {
      what: 'Order events without trusting wall clocks. A Lamport clock takes max(local, received) + 1; a vector clock keeps one counter per node so it can tell concurrent writes apart; a central sequencer just hands out increasing numbers.',
      when: 'Ordering messages or versions across replicas and detecting conflicting writes, as in Dynamo-style stores (vector clocks, sibling values) and collaborative editing.',
      tradeoffs:
        'Lamport clocks are tiny but cannot spot concurrency; vector clocks can but grow with the number of writers. Last-write-wins on NTP time is simple and silently loses updates.',
      numbers:
        'Default answer: a Redis sequencer with monotonically increasing numbers. Reach for vector clocks only when conflicts must be detected and merged.',
    },
    annotation: 'vector clock per key',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Concept 4: Vector Clocks & Conflict Resolution' },
      '003_00a63fccc9d8ea53.txt',
      '004_883ce214cd1f0ecf.txt',
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'crdt',
    name: 'CRDT',
    aliases: ['conflict-free replicated data type', 'G-Counter', 'OR-Set', 'RGA'],
    group: 'consistency',
    icon: 'Merge',
    card: {
      what: 'Data types whose replicas can be updated independently and always merge to the same result: a G-Counter keeps a count per replica and sums them; an OR-Set tags each add; RGA orders text by character IDs.',
      when: 'Multi-leader or geo-distributed writes, offline-first apps and collaborative editing without a central server deciding order.',
      tradeoffs:
        'No coordination and no lost updates, offline edits just merge, but only for operations that fit a CRDT; metadata and tombstones grow, and merged results can surprise users.',
      numbers:
        'Edits are applied locally at once and synced in the background; Google Docs-style targets are under 50 ms to other users. CRDT state often lives in Redis.',
    },
    annotation: 'merge on sync',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Concept 4: Vector Clocks & Conflict Resolution' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Alternative: CRDTs (Conflict-free Replicated Data Types)' },
      '003_00a63fccc9d8ea53.txt',
    ],
  },
  {
    id: 'operational-transformation',
    name: 'Operational transformation',
    aliases: ['OT'],
    group: 'consistency',
    icon: 'ArrowLeftRight',
    card: {
      what: 'A server puts concurrent edits in one order and rewrites each incoming operation against those already applied, e.g. shifting an insert position right past text another user just added.',
      when: 'Real-time co-editing with a central server, the Google Docs approach, where every user must see the same document state.',
      tradeoffs:
        'Gives one authoritative order and strong consistency, but needs a central sequencer per document, transform rules for every pair of operation types, and handles offline editing poorly.',
      numbers:
        'Edit sync under ~50 ms; clients buffer keystrokes ~50 ms and send over WebSockets. Keep an operation log to replay history.',
    },
    annotation: 'sync < 50 ms',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Operational Transformation (OT)' },
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'gossip-protocol',
    name: 'Gossip protocol',
    aliases: ['gossip', 'epidemic protocol', 'gossip membership'],
    group: 'consistency',
    icon: 'Share2',
    card: {
      what: 'Every node periodically swaps its view of the cluster with a few random peers, so news of joins, failures and config changes spreads like a rumor.',
      when: 'Membership and failure detection in large peer-to-peer clusters (Cassandra, Dynamo-style KV stores), and spreading updates without a central coordinator.',
      tradeoffs:
        'No single point of failure, scales and heals itself, but only eventually consistent and adds background traffic. Not for updates that must land at once.',
      numbers:
        'Gossip every ~1 s to 1-3 random peers; the cluster converges in about log(N) rounds. Mark a node dead after ~10 s of silence.',
    },
    annotation: '1 s, 3 peers',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Concept 5: Gossip Protocol' },
      { source: '001_49db91e9f3f145ef.txt', section: '1. Gossip Protocol (Within Data Center)' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Distributed Consensus' },
    ],
  },
  {
    id: 'anti-entropy',
    name: 'Anti-entropy repair',
    aliases: ['anti-entropy', 'read repair', 'replica repair', 'Merkle sync'],
    group: 'consistency',
    icon: 'RefreshCw',
    card: {
      what: 'Background jobs that compare replicas and copy over whatever is missing or stale, using Merkle trees so only differing ranges are exchanged; read repair fixes stale copies spotted during a read.',
      when: 'Leaderless or eventually consistent stores where replicas drift after outages or dropped writes, e.g. a Dynamo-style key-value store.',
      tradeoffs:
        'Replicas converge without blocking writes, but repair costs disk and network I/O and replicas may stay divergent until the next pass.',
      numbers:
        'Comparing Merkle roots first means a fully matching replica costs one hash exchange. Schedule full passes during low-traffic hours.',
    },
    annotation: 'nightly repair',
    sources: ['000_660079a65f9868b6.txt', { source: '001_49db91e9f3f145ef.txt', section: '1.5.2 Merkle Tree' }],
  },
  {
    id: 'contention-control',
    name: 'Contention controls',
    aliases: [
      'virtual waiting room',
      'waiting room',
      'reservation hold',
      'soft reservation',
      'atomic counter',
      'Redis DECR',
    ],
    group: 'consistency',
    icon: 'Ticket',
    card: {
      what: 'Tools for many users fighting over few items: a virtual waiting room admits users in random order at a set rate; soft reservations hold an item briefly; atomic counters (DECR, reject and restore if below 0) guard stock.',
      when: 'Flash sales and ticket drops where millions arrive at once for limited inventory, and overselling or double-booking is unacceptable.',
      tradeoffs:
        'Keeps the database alive and allocation fair, but adds queueing delay for users, held items that expire unused, and a need for periodic reconciliation with the source of truth.',
      numbers:
        'Ticketmaster-style case: 50K seats, 2M fans in 5 min. Holds expire after ~5 min; each server can get a pre-allocated pool of seats, accepting a little waste.',
    },
    annotation: 'hold 5 min',
    sources: [{ source: '003_00a63fccc9d8ea53.txt', section: '2. Dealing with Contention' }],
  },
]
