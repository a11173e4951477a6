import type { Problem } from '../problemSchema'

/** Pattern scenarios (seeds Tier B): contention, transactions and locks. */
export const contentionPatternProblems: Problem[] = [
  {
    id: 'ticket-booking',
    title: 'Ticket booking (Ticketmaster)',
    category: 'pattern',
    difficulty: 'medium',
    prompt:
      'Design the booking system for a big concert on Ticketmaster: tens of thousands of seats go on sale at once, millions of fans show up in the first minutes, and no seat may be sold twice.',
    functional: [
      'Show the seat map and let a fan pick specific seats',
      'Hold the chosen seats for a short time while the fan pays',
      'Complete the purchase and issue tickets',
      'Release a hold automatically when it expires or the fan abandons checkout',
      'Admit fans through a waiting room when demand exceeds capacity',
    ],
    nonFunctional: [
      'A seat is never sold to two fans (strong consistency on seat inventory)',
      'Fair: fans are admitted in an order they cannot game by refreshing',
      'Stays available through the on-sale spike',
      'The purchase lock is held briefly, under about 100 ms',
    ],
    scale: [
      '50,000 seats for one event',
      '2M fans arrive in the first 5 minutes',
      '100K+ concurrent write attempts at peak',
      'A seat hold lasts about 5 minutes',
    ],
    followUps: [
      'Optimistic or pessimistic locking for seats here, and why does contention level decide it?',
      'A fan buys four seats at once. How do you avoid deadlocks with another fan buying overlapping seats?',
      'Redis lock, ZooKeeper or a database row lock for seat holds: what fails with each?',
      "A fan's hold expires while their card is being charged. What happens to the seat and the money?",
      'How do you keep a fast in-memory seat count and the database in agreement?',
      'What breaks first with 10x the fans?',
    ],
    hints: [
      'Walk through two fans clicking the same seat in the same millisecond. Where exactly is the race?',
      'Do all 2M fans need to reach the booking service at once, or can you control how fast they get in?',
      'What does a fan own between picking a seat and paying for it?',
    ],
    checklist: [
      { item: 'Clarifies seat count and peak concurrency before drawing', kinds: [] },
      {
        item: 'Virtual waiting room that admits fans at a controlled rate',
        kinds: ['contention-control', 'rate-limiter', 'message-queue'],
      },
      { item: 'Time-limited seat hold that expires on its own', kinds: ['distributed-lock', 'contention-control'] },
      {
        item: 'Lock or version check on the purchase write so no seat sells twice',
        kinds: ['pessimistic-locking', 'optimistic-locking', 'distributed-lock'],
      },
      {
        item: 'Transactional store as the source of truth for seats and orders',
        kinds: ['sql-database', 'newsql-database'],
      },
      {
        item: 'Fast availability counter, reconciled periodically with the database',
        kinds: ['distributed-cache', 'key-value-store'],
      },
      { item: 'Idempotent purchase so a retried request cannot buy or charge twice', kinds: ['idempotency-key'] },
    ],
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: 'Real-World Example: Ticketmaster' },
      { source: '003_00a63fccc9d8ea53.txt', section: '2. Dealing with Contention' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'ecommerce-checkout',
    title: 'E-commerce checkout (Amazon orders)',
    category: 'pattern',
    difficulty: 'medium',
    prompt:
      'Design order processing for an Amazon-style store. Placing an order validates the cart, reserves stock, charges the card, creates the order and emails a confirmation, each in a different service, and it must end all-or-nothing.',
    functional: [
      'Place an order from a cart',
      'Reserve inventory and charge the payment method',
      'Create the order and hand it to shipping',
      'Send a confirmation email',
      'Undo earlier steps when a later step fails (refund, release stock)',
      'Show the customer their order history',
    ],
    nonFunctional: [
      'All or nothing: no charge without an order, no order without stock',
      'Retries never charge a customer twice',
      'Payment is synchronous for the user; email, analytics and stock updates can be async',
      'A compensation that keeps failing reaches a human, never disappears',
    ],
    scale: [
      'Five steps per order: validate, reserve, pay, create, email',
      'Order history reads far outnumber order writes',
      'Assume around 1,000 orders/s at peak unless the interviewer gives numbers',
    ],
    followUps: [
      'The refund in a compensation step fails too. What happens next?',
      'Why a saga here rather than two-phase commit?',
      'How do you get effectively-once processing when every message may be delivered twice?',
      'Orchestration or choreography, and how would support staff find an order stuck half-way?',
      'How do you write the order row and publish the event without one succeeding alone?',
      'The payment provider is slow for ten minutes. What does a shopper see?',
    ],
    hints: [
      'List the steps in order, then ask how you would undo each one.',
      'Which steps must the shopper wait for, and which can finish after the response?',
      'What happens if the same place-order request arrives twice?',
    ],
    checklist: [
      { item: 'Explains why one ACID transaction cannot span the services', kinds: [] },
      { item: 'Saga coordinator with a compensation for every step', kinds: ['saga', 'workflow-engine'] },
      { item: 'Idempotency keys on payment and order creation', kinds: ['idempotency-key'] },
      {
        item: 'Outbox or CDC so events are published atomically with the database write',
        kinds: ['transactional-outbox', 'change-data-capture'],
      },
      {
        item: 'Queue for async side effects (email, stock update, analytics)',
        kinds: ['message-queue', 'kafka-log', 'pub-sub-topic'],
      },
      {
        item: 'Retries with backoff, then a dead-letter queue and manual workflow',
        kinds: ['retry-backoff', 'dead-letter-queue'],
      },
      {
        item: 'Separate read model for order history (CQRS)',
        kinds: ['cqrs', 'materialized-view'],
      },
    ],
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: 'Scenario: E-commerce Order' },
      { source: '003_00a63fccc9d8ea53.txt', section: '3. Multi-step Processes' },
      '000_660079a65f9868b6.txt',
      '001_49db91e9f3f145ef.txt',
      '002_166e20fca8cfff70.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'flash-sale',
    title: 'Flash sale',
    category: 'pattern',
    difficulty: 'hard',
    prompt:
      'Design a flash sale: 1,000 discounted items go live at a fixed time, 100K shoppers try to buy in the same instant, and checkout takes several steps. You must never sell more items than you have.',
    functional: [
      'Let shoppers join the sale when it opens',
      'Claim an item and hold it during checkout',
      'Run a multi-step checkout: pay, then create the order',
      'Return unpaid holds to stock after a timeout',
      'Send confirmation and record analytics',
    ],
    nonFunctional: [
      'Zero overselling',
      'Fair and predictable access; bots should not win by volume',
      'The site stays up during the burst; losers get a fast "sold out"',
      'Email and analytics never slow down checkout',
    ],
    scale: [
      '1,000 items in stock',
      '100K shoppers at the same moment',
      'Stock pre-split into pools of about 100 items per server',
      'A hold expires after 5 minutes',
    ],
    followUps: [
      'Why split stock into per-server pools, and what happens to units stranded in one pool?',
      'A shopper holds an item and walks away. When and how does it go back on sale?',
      'How do you keep bots from taking most of the stock?',
      'Payment fails after the hold. Walk through the compensation.',
      'How do you reconcile the stock counter with the orders table after the sale?',
      'The Redis node holding the counter dies mid-sale. What now?',
    ],
    hints: [
      '100K requests for 1,000 items: most must fail. Where should they fail, and how cheaply?',
      'Does every purchase need one global lock, or can you divide the stock?',
      'Which work can wait until after the shopper sees "order placed"?',
    ],
    checklist: [
      {
        item: 'Virtual queue with rate-limited entry in front of checkout',
        kinds: ['contention-control', 'rate-limiter', 'message-queue'],
      },
      {
        item: 'Atomic stock decrement or per-server stock pools',
        kinds: ['contention-control', 'sharded-counter'],
      },
      { item: 'Soft reservation that expires after a few minutes', kinds: ['distributed-lock', 'contention-control'] },
      { item: 'Saga checkout that returns stock when payment fails', kinds: ['saga', 'workflow-engine'] },
      { item: 'Idempotent checkout requests', kinds: ['idempotency-key'] },
      {
        item: 'Email and analytics moved to a queue and workers',
        kinds: ['message-queue', 'kafka-log', 'worker-pool'],
      },
      { item: 'Reconciliation job comparing counters with orders', kinds: ['batch-processor', 'task-scheduler'] },
      { item: 'Bot and abuse protection at the edge', kinds: ['waf', 'rate-limiter'] },
    ],
    sources: [{ source: '003_00a63fccc9d8ea53.txt', section: '2. Dealing with Contention' }],
  },
  {
    id: 'payment-system',
    title: 'Payment system (Stripe-style API)',
    category: 'pattern',
    difficulty: 'hard',
    prompt:
      'Design a Stripe-style payment API that merchants call to charge their customers. It depends on bank networks and a fraud-check service, and it must never charge a customer twice.',
    functional: [
      'Create a charge for a merchant and return its status',
      'Accept safe retries of the same request',
      'Check for fraud before money moves',
      'Refund a charge in full or in part',
      'Notify merchants of outcomes through webhooks',
      'Limit requests per API key, with different limits per endpoint',
    ],
    nonFunctional: [
      'No double charge and no double spend: reject rather than risk it',
      'A slow or failing bank or fraud service must not stall every payment',
      'Full audit trail of every state change',
      'Consistency over availability for the ledger during a partition',
    ],
    scale: [
      'Idempotency keys kept for 24 hours',
      'Without a breaker, each call to a dead dependency waits out a 5 s timeout',
      'Circuit opens after 5 straight failures and probes again after about 30 s',
      'Per-key rate limits around 100 requests/s (Stripe-like)',
    ],
    followUps: [
      "The merchant's request times out and they retry the charge. Walk through what your server does.",
      'The fraud service is down. Do you block payments or let them through, and how?',
      'CP or AP for the ledger, and what does a merchant see during a partition?',
      'How does a multi-topic Kafka pipeline carry a payment from intent to result?',
      "How would you reconcile your records against the bank's settlement report?",
      'Which endpoints get tighter limits, and why?',
    ],
    hints: [
      'What must the server remember about a request to recognise its retry?',
      'What should happen to the thousandth call in a row to a bank that is not answering?',
      'Which is worse here: a declined payment or a duplicated one?',
    ],
    checklist: [
      { item: 'Idempotency key checked before any charge is attempted', kinds: ['idempotency-key'] },
      {
        item: 'Circuit breakers and timeouts around the bank and fraud calls, with a flag-for-review fallback',
        kinds: ['circuit-breaker', 'timeout-fallback'],
      },
      { item: 'Rate limiting per API key at the gateway', kinds: ['rate-limiter', 'api-gateway'] },
      { item: 'ACID ledger as the system of record', kinds: ['sql-database', 'newsql-database'] },
      {
        item: 'Event pipeline for payment state changes',
        kinds: ['kafka-log', 'message-queue', 'transactional-outbox'],
      },
      { item: 'Webhooks to merchants, retried with backoff', kinds: ['webhook', 'retry-backoff'] },
      {
        item: 'Chooses consistency over availability for money movement',
        kinds: ['cap-theorem', 'consistency-models'],
      },
    ],
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Concept 3: Distributed Transactions' },
      { source: '002_166e20fca8cfff70.txt', section: 'Idempotency for Payments' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'inventory-no-oversell',
    title: 'Inventory and trading without overselling',
    category: 'pattern',
    difficulty: 'medium',
    prompt:
      'Design the inventory tier for a trading or shopping platform where units (shares, products) must never be sold beyond what exists. Then extend it to serve traders in NYC, London, Tokyo and Singapore within 10 ms.',
    functional: [
      'Reserve available quantity when a buy order arrives',
      'Confirm the reservation after payment, or return the units',
      'Reject orders once stock is exhausted',
      'Expire stale reservations',
      'Show current availability',
    ],
    nonFunctional: [
      'Never oversell, even under heavy concurrency',
      'Order path under 10 ms for traders',
      'Retried requests are safe',
      'Counts reconcile with the system of record',
    ],
    scale: [
      'Order latency budget under 10 ms',
      'Four regions: NYC, London, Tokyo, Singapore',
      // Round trips between regions (public inter-region ping tables, e.g. AWS us-east-1 ↔ eu-west-2 / ap-northeast-1).
      'A cross-region round trip is ~70 ms NYC–London and ~170 ms NYC–Tokyo, so sync replication cannot fit 10 ms',
      'Reservations expire after 5 minutes',
    ],
    followUps: [
      'The decrement takes the count below zero. What exactly do you do, and is there a window where two buyers both see stock?',
      'Which data gets synchronous replication across regions, and which async?',
      'Redis crashes after a decrement but before the order is queued. How do you recover?',
      'An order touches several accounts. How do you avoid deadlocks?',
      'What do you reconcile, how often, and what happens on a mismatch?',
    ],
    hints: [
      'Can the check and the decrement be one atomic step?',
      'Which part must be strongly consistent, and which can lag a few milliseconds?',
      'What if payment fails after you already decremented?',
    ],
    checklist: [
      {
        item: 'Atomic decrement, with an increment back when it goes negative',
        kinds: ['contention-control'],
      },
      { item: 'Order queued after reservation; payment then confirm or return', kinds: ['message-queue', 'kafka-log'] },
      { item: 'Idempotency keys on order submission', kinds: ['idempotency-key'] },
      { item: 'Periodic reconciliation against the system of record', kinds: ['batch-processor', 'task-scheduler'] },
      {
        item: 'Each SKU has one home region, strongly consistent there; other regions read async copies or forward',
        kinds: ['sharding', 'newsql-database'],
      },
      {
        item: 'Consistent lock ordering or versioned writes to avoid deadlocks',
        kinds: ['pessimistic-locking', 'optimistic-locking'],
      },
      { item: 'Quantifies the sync vs async replication latency trade-off', kinds: [] },
    ],
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: 'Q3: Stock trading - no overselling?' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'distributed-lock-service',
    title: 'Distributed lock service',
    category: 'pattern',
    difficulty: 'hard',
    prompt:
      'Design a distributed lock service that other teams use to guarantee a single holder at a time, for example for seat holds, driver assignment or electing a leader.',
    functional: [
      'Acquire a lock with a lease that expires',
      'Release a lock, only by its current owner',
      'Renew a lease while work continues',
      'Offer leader election built on locks',
      'Notify waiters when a lock frees up',
    ],
    nonFunctional: [
      'Safety first: never two holders, even with process pauses or clock drift',
      'A crashed holder never blocks others forever',
      'Survives the loss of a minority of nodes',
      'Low-latency acquire for the common case',
    ],
    scale: [
      'Typical lease around 30 s (e.g. a driver-assignment lock)',
      'Raft election timeout 150–300 ms',
      'A 5-node cluster needs 3 to agree and survives 2 failures',
    ],
    followUps: [
      'A client pauses for garbage collection past its lease, then writes. How do you stop the stale write?',
      'Redlock, ZooKeeper/etcd or a database advisory lock: when is each good enough?',
      'What happens to held locks during a network partition?',
      "How does a holder release without deleting someone else's lock?",
      'How would you build leader election on top of this service?',
      'What consistency does the lock store need, and what does it cost you?',
    ],
    hints: [
      'What happens to the lock if its holder crashes while holding it?',
      'How could the protected resource reject a write from a holder whose lease has ended?',
      'How many nodes must agree before a lock is granted?',
    ],
    checklist: [
      { item: 'Lock state replicated by consensus', kinds: ['consensus', 'coordination-service'] },
      { item: 'Leases with TTL and automatic expiry', kinds: ['distributed-lock'] },
      { item: 'Fencing tokens checked by the protected resource', kinds: [] },
      { item: 'Owner-checked release (compare-and-delete)', kinds: [] },
      { item: 'Leader failover inside the lock cluster', kinds: ['consensus', 'failover'] },
      { item: 'Client retries with backoff and jitter', kinds: ['retry-backoff'] },
      { item: 'Explains choosing consistency over availability', kinds: ['cap-theorem', 'consistency-models'] },
    ],
    sources: [
      '000_660079a65f9868b6.txt',
      { source: '003_00a63fccc9d8ea53.txt', section: 'Q2: Distributed locks at scale?' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Distributed Lock (Prevent Race Conditions)' },
    ],
  },
]
