import type { Problem } from '../problemSchema'

/**
 * More code-level prompts from the seeds' low-level section: the hash ring,
 * the Bloom filter, the connection pool, the Redis lock and the saga
 * orchestrator. Each starts as one class and ends with its concurrency story.
 */
export const lldCodeComponentProblems: Problem[] = [
  {
    id: 'hash-ring-lld',
    title: 'Consistent hash ring with virtual nodes (code level)',
    category: 'lld',
    difficulty: 'medium',
    prompt:
      'Implement a consistent hash ring that maps keys to cache nodes, with virtual nodes so load stays even. Adding or removing a node should move only the keys that must move.',
    functional: [
      'addNode(node) and removeNode(node) update the ring',
      'getNode(key) returns the first node clockwise from the key’s hash',
      'Each physical node owns many virtual points on the ring',
      'getNodes(key, n) returns n distinct physical nodes for replicas',
    ],
    nonFunctional: [
      'Lookup in O(log V), V the number of virtual points',
      'Adding a node to N nodes moves about 1/(N+1) of the keys',
      'Load per node within a few percent of the mean',
      'Safe for concurrent readers while the ring changes',
    ],
    scale: [
      '10 nodes × 150 virtual points = 1,500 points on the ring; a binary search takes about 11 comparisons',
      'Adding an 11th node moves about 1/11 ≈ 9% of the keys',
      'Ring of 32-bit hash values (0 to 2^32 − 1)',
    ],
    followUps: [
      'Why does plain hash(key) mod N hurt when N changes? How many keys move?',
      'What do virtual nodes fix, and what does a larger count cost?',
      'How do you give a bigger machine a bigger share of the keys?',
      'Readers keep looking up while a node is added. How do they never see a half-built ring?',
      'Redis Cluster does not use a ring. What does it use instead, and why?',
    ],
    hints: [
      'Which sorted structure answers “the first point at or after this hash” fast?',
      'Build a new sorted array and swap one reference, rather than editing the one readers use.',
    ],
    checklist: [
      { item: 'Ring of hash points with virtual nodes per physical node', kinds: ['consistent-hashing'] },
      { item: 'HashRing and Node classes: sorted points, point → node map, vnode count', kinds: ['entity-box'] },
      { item: 'Hash function behind an interface (MD5, murmur, xxHash)', kinds: ['strategy-pattern'] },
      { item: 'Replicas placed on the next distinct physical nodes clockwise', kinds: ['replication'] },
      { item: 'Binary search over the sorted points, wrapping past the end to the first', kinds: [] },
      { item: 'Copy-on-write ring swap so readers never lock', kinds: [] },
      { item: 'Works out how many keys move when a node joins or leaves', kinds: [] },
    ],
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Consistent Hashing with Virtual Nodes' },
      '000_660079a65f9868b6.txt',
      { source: '002_166e20fca8cfff70.txt', section: 'Consistent Hashing Deep Dive' },
    ],
  },
  {
    id: 'bloom-filter-lld',
    title: 'Bloom filter (code level)',
    category: 'lld',
    difficulty: 'easy',
    prompt:
      'Implement a Bloom filter that answers “definitely not seen” or “maybe seen” for strings, sized from the expected item count and the false-positive rate you accept. Then use it to skip database lookups.',
    functional: [
      'add(item) sets k bits in a bit array',
      'mightContain(item) is false only when the item was never added',
      'The constructor takes the expected item count n and the false-positive rate p',
      'Report the estimated fill and false-positive rate as items arrive',
    ],
    nonFunctional: [
      'No false negatives, ever',
      'O(k) per operation, k the number of hash functions',
      'Memory fixed at construction, a few bits per item',
    ],
    scale: [
      'At 1% false positives: ~9.6 bits per item and k ≈ 7 hash functions',
      '1M items ≈ 9.6M bits ≈ 1.2 MB; 10B items ≈ 12 GB',
      'Each extra hash function costs one more bit read per lookup',
    ],
    followUps: [
      'Why can a Bloom filter not delete an item? What does a counting Bloom filter change?',
      'The filter holds twice the planned items. What happens to the false-positive rate?',
      'How do you get k hash functions from one or two real hash computations?',
      'Where should the filter live when ten servers need it: in each process or in Redis?',
      'Which answer still needs the database: “no” or “maybe”?',
    ],
    hints: [
      'm = −n·ln p / (ln 2)² bits and k = (m/n)·ln 2 hash functions.',
      'Double hashing: the i-th index is h1 + i·h2, modulo m.',
    ],
    checklist: [
      { item: 'Bit array with k hash positions per item, sized from n and p', kinds: ['bloom-filter'] },
      { item: 'BloomFilter class with its fields: bit array, m, k, count', kinds: ['entity-box'] },
      { item: 'Checked before the database, so a “no” skips the lookup', kinds: [] },
      { item: 'Shared filter in Redis (SETBIT/GETBIT) when many servers need it', kinds: ['distributed-cache'] },
      { item: 'Derives m and k from the formulas and works out the memory', kinds: [] },
      { item: 'Explains why deletion needs counters and why “maybe” must be checked', kinds: [] },
    ],
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Bloom Filter (Space-Efficient Set Membership)' },
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 11: Bloom Filter' },
    ],
  },
  {
    id: 'connection-pool-lld',
    title: 'Database connection pool (code level)',
    category: 'lld',
    difficulty: 'medium',
    prompt:
      'Implement a connection pool that lends database connections to request threads and takes them back. Size it for a service, and handle broken connections and callers that never return theirs.',
    functional: [
      'acquire(timeout) lends an idle connection, opens one if under the maximum, or waits',
      'release(conn) returns it; a broken connection is closed and replaced',
      'Minimum idle and maximum size settings',
      'Validates a connection before lending it if it sat idle too long',
      'Metrics: in use, idle, waiting, acquire wait time',
    ],
    nonFunctional: [
      'acquire never blocks longer than its timeout',
      'No connection is lent to two callers at once',
      'A leaked connection is detected and reported',
    ],
    scale: [
      '2,000 queries/s × ~5 ms each (indexed read p50 1–5 ms) ≈ 10 connections busy on average',
      'At the ~20 ms p99 the same load needs about 40',
      'PostgreSQL allows 100 connections by default (max_connections)',
      '20 app servers × 10 connections = 200: twice that default, so a proxy or a smaller pool is needed',
    ],
    followUps: [
      'Why is opening a connection per request so slow? What does it cost?',
      'Why can a bigger pool make latency worse?',
      'The database restarts. What happens to every connection in the pool?',
      'Where does PgBouncer sit, and what does transaction pooling forbid?',
      'One pool per process as a singleton: what does that make hard to test?',
    ],
    hints: [
      'Little’s law: connections in use = queries per second × time per query.',
      'A blocking queue of idle connections plus a counter of open ones covers most of it.',
    ],
    checklist: [
      { item: 'Pool between the app and the database, or a proxy like PgBouncer', kinds: ['connection-pool'] },
      { item: 'Pool and PooledConnection classes: idle queue, open count, max, lease time', kinds: ['entity-box'] },
      { item: 'One pool per process, shared by its request threads', kinds: ['singleton-pattern'] },
      { item: 'acquire times out and fails fast rather than queueing forever', kinds: ['timeout-fallback'] },
      { item: 'Sizes the pool with Little’s law from QPS and query time', kinds: [] },
      { item: 'Condition variable or semaphore so waiters wake when a connection returns', kinds: [] },
      { item: 'Total connections across all servers kept under the database limit', kinds: [] },
    ],
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Database Connection Pooling' },
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'redis-lock-lld',
    title: 'Redis distributed lock for seat booking (code level)',
    category: 'lld',
    difficulty: 'medium',
    prompt:
      'Implement a lock in Redis that stops two servers from booking the same seat at once: acquire with an expiry, release only your own lock, and explain what it cannot guarantee.',
    functional: [
      'acquire(resource, ttl) returns a unique token or fails',
      'release(resource, token) deletes the lock only if the token still matches',
      'extend(resource, token, ttl) for work that runs long',
      'Seat booking: lock the seat, check it is free, write the booking, release',
    ],
    nonFunctional: [
      'Only one holder per resource while Redis is up',
      'A crashed holder cannot block the seat for longer than the TTL',
      'One Redis round trip (~1 ms in a region) to acquire or release',
    ],
    scale: [
      '50K people trying for 20K seats in the first minute: ~830 lock attempts/s',
      'Lock TTL of 10 s, well above the ~100 ms a booking takes',
      'One key per seat: 20K keys at most, a few MB',
    ],
    followUps: [
      'Why must release compare the token before deleting? Show the bug without it.',
      'The holder pauses for GC longer than the TTL. What goes wrong, and how do fencing tokens fix it?',
      'The Redis primary fails over before replicating the lock. What happens?',
      'Would a conditional UPDATE in the database do the job without Redis?',
      'How is a lock different from a seat hold that the user sees for 10 minutes?',
    ],
    hints: [
      'SET key token NX PX ttl acquires in one command.',
      'Check-and-delete must be atomic: a small Lua script does both.',
    ],
    checklist: [
      { item: 'Lock as SET NX with expiry and a compare-and-delete release', kinds: ['distributed-lock'] },
      { item: 'Redis holds the lock keys', kinds: ['distributed-cache', 'key-value-store'] },
      { item: 'Database write guarded by a version or fencing token', kinds: ['optimistic-locking'] },
      { item: 'Lock and Booking classes: resource, token, expiry; seat, user, status', kinds: ['entity-box'] },
      { item: 'Random per-holder token so one holder cannot release another’s lock', kinds: [] },
      { item: 'Names the limits: expiry during a pause, failover losing the lock', kinds: [] },
    ],
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Distributed Lock (Prevent Race Conditions)' },
      { source: '003_00a63fccc9d8ea53.txt', section: 'Q2: Distributed locks at scale?' },
    ],
  },
  {
    id: 'saga-orchestrator-lld',
    title: 'Saga orchestrator (code level)',
    category: 'lld',
    difficulty: 'hard',
    prompt:
      'Implement a saga orchestrator for placing an order: reserve stock, charge the card, book shipping. If a step fails, undo the steps already done, in reverse order, and survive a crash halfway.',
    functional: [
      'A saga is a list of steps, each with an action and a compensation',
      'Run the steps in order; on failure run the done steps’ compensations in reverse',
      'Persist the saga’s state after every step so a restarted orchestrator resumes',
      'Retry a failed step a few times with backoff before compensating',
      'Query a saga’s status by id',
    ],
    nonFunctional: [
      'Every step and compensation is idempotent (safe to run twice)',
      'No saga is left half done after a crash',
      'The orchestrator scales out: any instance can resume any saga',
    ],
    scale: [
      '1,000 orders/s at peak × 3 steps = 3,000 step commands/s',
      'One state write per step: ~3,000 writes/s to the saga store',
      'Most sagas finish in under 2 s; a stuck one is flagged after 5 minutes',
    ],
    followUps: [
      'Orchestration or choreography? When would you let services react to events instead?',
      'The charge times out: did it happen or not? What does the orchestrator do?',
      'A compensation fails too. Then what?',
      'Why is a saga not atomic, and what can another reader see in between?',
      'How do you send the step command and save the state without losing one of them?',
    ],
    hints: [
      'Treat the saga as a state machine persisted in a table.',
      'Pass an idempotency key with every step so a retry is harmless.',
    ],
    checklist: [
      { item: 'Steps with compensations run in reverse on failure', kinds: ['saga'] },
      { item: 'Saga state persisted per step so a crash resumes', kinds: ['workflow-engine', 'event-store'] },
      { item: 'Idempotency keys on every step and compensation', kinds: ['idempotency-key'] },
      {
        item: 'Saga states drawn: started, step n done, compensating, completed, failed',
        kinds: ['state-machine-diagram'],
      },
      { item: 'State saved and command sent atomically (outbox)', kinds: ['transactional-outbox'] },
      { item: 'Bounded retries with backoff before compensating', kinds: ['retry-backoff'] },
      { item: 'Handles a step timeout whose outcome is unknown by querying or retrying', kinds: [] },
    ],
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Saga Pattern (Distributed Transactions)' },
      { source: '002_166e20fca8cfff70.txt', section: 'Saga Pattern' },
      { source: '003_00a63fccc9d8ea53.txt', section: '3. Saga Pattern (Preferred)' },
    ],
  },
]
