import type { Problem } from '../problemSchema'

/**
 * Further classics from the best-known problem lists: storage (an S3-style
 * object store, email), markets (order matching, auctions), job execution
 * (an online judge) and logistics (local delivery). The seeds support them
 * through their patterns; scale lines carry their arithmetic.
 */
export const classicMarketProblems: Problem[] = [
  {
    id: 'object-store',
    title: 'S3-style object store',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design an object store like S3: users create buckets and put, get, list and delete objects of any size by key. Objects must survive disk, server and rack failures.',
    functional: [
      'Create and delete buckets',
      'PUT, GET and DELETE an object by bucket and key',
      'Multipart upload for large objects',
      'List keys by prefix, paged',
      'Optional versioning',
    ],
    nonFunctional: [
      'Durability far beyond any single disk: no object lost when a rack fails',
      'A successful PUT is readable right after (read-after-write)',
      'Throughput scales with the number of storage nodes',
      'Storage overhead well under 3× the data',
    ],
    scale: [
      '10B objects × 10 MB average ≈ 100 PB of data',
      'Three full replicas would need 300 PB; erasure coding 8+4 needs 150 PB (1.5×)',
      '~1 KB of metadata per object: ~10 TB of metadata, sharded',
    ],
    followUps: [
      'Why split the metadata service from the data nodes?',
      'Replication or erasure coding? What does each cost on write, read and repair?',
      'How does listing by prefix work when keys are hashed across shards?',
      'A disk dies. How is its data found and rebuilt elsewhere?',
      'How do you notice silent corruption on a disk nobody reads?',
    ],
    hints: [
      'Metadata maps bucket + key to where the bytes live; data nodes only store bytes.',
      'Spread the fragments of one object across racks.',
    ],
    checklist: [
      { item: 'Metadata store (bucket + key → placement) sharded by key', kinds: ['sharding'] },
      { item: 'Placement of fragments across nodes by a hash ring or placement map', kinds: ['consistent-hashing'] },
      { item: 'Multipart upload in chunks with a final commit', kinds: ['chunked-upload'] },
      { item: 'Background scrubbing compares checksums and repairs', kinds: ['merkle-tree', 'anti-entropy'] },
      { item: 'Clients upload and download with signed URLs', kinds: ['signed-urls'] },
      { item: 'Erasure coding vs replication compared with overhead numbers', kinds: [] },
      { item: 'Fragments of one object spread across racks (failure domains)', kinds: [] },
    ],
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: '4.1 Blob Store' },
      '002_166e20fca8cfff70.txt',
      { source: '003_00a63fccc9d8ea53.txt', section: '6. Handling Large Blobs' },
    ],
  },
  {
    id: 'stock-exchange',
    title: 'Stock exchange (order matching)',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design the core of a stock exchange: brokers send buy and sell orders, a matching engine pairs them by price and time, and everyone receives the trades and the order book as they change.',
    functional: [
      'Place limit and market orders; cancel an open order',
      'Match orders by price, then arrival time',
      'Publish trades and order-book updates to market-data subscribers',
      'Reject orders that fail pre-trade risk checks (funds, limits)',
    ],
    nonFunctional: [
      'Deterministic: replaying the same input gives the same trades',
      'No acknowledged order is lost, even if the engine crashes',
      'Matching latency well under a millisecond',
      'Fair: orders are processed strictly in the order they were sequenced',
    ],
    scale: [
      '1B orders/day over a 6.5-hour session: 1B / 23,400 s ≈ 43K orders/s',
      'Peak ×5 at the open and close: ~214K orders/s',
      '~5,000 listed symbols; order books held in memory',
    ],
    followUps: [
      'Why run each symbol’s book on a single thread rather than lock it?',
      'How does a standby engine take over without losing or repeating a trade?',
      'What data structure holds a book so the best price is found in O(1)?',
      'How do you send market data to thousands of subscribers fairly?',
      'Where do risk checks run, and what do they cost in latency?',
    ],
    hints: [
      'Sequence every order into one log first; the engine is a function of that log.',
      'A book is two sides of price levels, each a FIFO queue of orders.',
    ],
    checklist: [
      { item: 'Orders sequenced into an ordered, replicated log before matching', kinds: ['kafka-log', 'event-store'] },
      { item: 'Engine state rebuilt by replaying the log (event sourcing)', kinds: ['event-sourcing'] },
      { item: 'Hot standby engine replays the same log and takes over', kinds: ['failover'] },
      { item: 'Trades and book updates published to subscribers', kinds: ['pub-sub-topic'] },
      { item: 'Snapshots so replay after a crash starts near the end', kinds: ['checkpointing'] },
      { item: 'Book as price levels with FIFO queues; single-threaded per symbol', kinds: [] },
      { item: 'Pre-trade risk checks before the sequencer', kinds: [] },
    ],
    sources: ['003_00a63fccc9d8ea53.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'email-service',
    title: 'Email service (Gmail-style)',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design a large email service: users send and receive mail from other providers, read their mailbox with folders and labels, search it, and get new mail pushed to open clients.',
    functional: [
      'Send mail to any address; receive mail from other servers (SMTP)',
      'Mailbox with folders, labels, read/unread and threads',
      'Attachments up to 25 MB',
      'Full-text search over one’s own mail',
      'New mail pushed to open web and mobile clients',
    ],
    nonFunctional: [
      'An accepted message is never lost',
      'Spam and malware filtered before delivery',
      'Mailbox opens in under 500 ms',
    ],
    scale: [
      '100M DAU × 10 emails sent/day ≈ 1B/day ≈ 11.6K/s, peak ×3 ≈ 35K/s',
      'Each user receives ~40 emails/day: ~4B deliveries/day',
      '~50 KB per message with metadata: ~200 TB/day received, attachments in object storage',
    ],
    followUps: [
      'Why keep message bodies and attachments apart from the mailbox metadata?',
      'How do you store a mailbox so “latest 50 in Inbox” is one read?',
      'The recipient’s server is down. What happens to outgoing mail?',
      'How is search per user kept cheap across billions of messages?',
      'How does a new message reach an open browser tab?',
    ],
    hints: [
      'Partition everything by user: nearly every query is about one mailbox.',
      'Inbound and outbound mail are queues with retries.',
    ],
    checklist: [
      { item: 'Mailbox metadata in a wide-column store partitioned by user', kinds: ['wide-column-store'] },
      { item: 'Bodies and attachments in object storage', kinds: ['object-storage'] },
      { item: 'Outbound and inbound mail queued with retries and backoff', kinds: ['message-queue', 'retry-backoff'] },
      { item: 'Per-user full-text search index', kinds: ['search-index'] },
      { item: 'New mail pushed over WebSocket, SSE or long polling', kinds: ['websocket', 'sse', 'long-polling'] },
      { item: 'Spam and virus filtering before delivery to the mailbox', kinds: [] },
      { item: 'Sending and storage volume estimated', kinds: [] },
    ],
    sources: ['001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'online-judge',
    title: 'Online judge (LeetCode-style)',
    category: 'classic',
    difficulty: 'medium',
    prompt:
      'Design an online judge: users read a problem, submit code in one of several languages, and get a verdict after it runs against hidden tests. During contests a live leaderboard ranks everyone.',
    functional: [
      'List and read problems',
      'Submit code; it runs against the problem’s test cases',
      'Show the verdict (accepted, wrong answer, time limit, runtime error) as soon as it is known',
      'Contests with a live leaderboard',
    ],
    nonFunctional: [
      'Submitted code can never reach the host, the network or other users’ code',
      'Verdict in under 10 s outside contests',
      'A contest spike queues work instead of failing submissions',
    ],
    scale: [
      'Contest: 100K participants × 10 submissions over 90 minutes ≈ 1M / 5,400 s ≈ 185 submissions/s',
      '~2 s of CPU per submission: 185 × 2 ≈ 370 cores busy at the contest peak',
      'Test cases per problem up to ~100 MB',
    ],
    followUps: [
      'Containers, gVisor or microVMs for the sandbox? What does each isolate?',
      'How does the client learn the verdict: polling, SSE or WebSocket?',
      'How do you scale the runners for a contest that starts at a known time?',
      'How is the leaderboard ranked by score and then by time?',
      'The same code is submitted twice. Run it twice?',
    ],
    hints: [
      'The submit API only enqueues; runners pull jobs.',
      'Limit CPU time, memory, processes and network per run.',
    ],
    checklist: [
      { item: 'Submissions queued for a pool of runner workers', kinds: ['message-queue', 'priority-queue'] },
      { item: 'Runner fleet scales out ahead of contests', kinds: ['worker-pool', 'auto-scaling-group'] },
      { item: 'Test cases in object storage, cached on runners', kinds: ['object-storage'] },
      { item: 'Verdict pushed or polled by submission id', kinds: ['sse', 'websocket', 'short-polling'] },
      { item: 'Contest leaderboard in a sorted set', kinds: ['sorted-set'] },
      { item: 'Per-user submission rate limit', kinds: ['rate-limiter'] },
      { item: 'Sandbox limits: no network, CPU and memory caps, time limit', kinds: [] },
    ],
    sources: ['003_00a63fccc9d8ea53.txt', '001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'online-auction',
    title: 'Online auction (eBay-style bidding)',
    category: 'classic',
    difficulty: 'medium',
    prompt:
      'Design an online auction site: sellers list items with an end time, bidders place bids that must beat the current highest, everyone watching sees new bids live, and the highest bidder wins at the end.',
    functional: [
      'List an item with a starting price and an end time',
      'Place a bid; it is accepted only if higher than the current highest',
      'Watchers see the current price update live',
      'Close the auction at its end time and notify winner and seller',
    ],
    nonFunctional: [
      'Exactly one highest bid at any moment; no accepted bid is lost',
      'A bid arriving after the end time is refused',
      'The last-minute rush on one item does not slow the rest',
    ],
    scale: [
      '10M DAU × 5 bids/day ≈ 50M/day ≈ 579/s, peak ×10 ≈ 5.8K/s',
      '10M open auctions; the hottest gets ~1K bids/s in its final minute',
    ],
    followUps: [
      'Two bids of the same amount arrive together. Which wins, and how is it enforced?',
      'How do you close millions of auctions exactly at their end times?',
      'Would you serialize bids per auction through a queue? What does that cost?',
      'How would proxy (automatic) bidding work?',
      'How do watchers get the new price without polling?',
    ],
    hints: [
      'The bid write is a conditional update on the auction row.',
      'Partition by auction id so one hot item stays on one owner.',
    ],
    checklist: [
      { item: 'Bid accepted by a conditional update (amount > current, before end)', kinds: ['optimistic-locking'] },
      { item: 'Auctions closed by a scheduler at their end time', kinds: ['task-scheduler'] },
      { item: 'Live price pushed to watchers', kinds: ['websocket', 'sse'] },
      { item: 'Winner and outbid notifications sent asynchronously', kinds: ['notification-service'] },
      { item: 'Bid requests carry an idempotency key', kinds: ['idempotency-key'] },
      { item: 'Hot auction handled: per-auction ordering, one partition owner', kinds: [] },
      { item: 'Tie rule stated (earlier bid wins) and enforced in the same write', kinds: [] },
    ],
    sources: [{ source: '003_00a63fccc9d8ea53.txt', section: '2. Dealing with Contention' }],
  },
  {
    id: 'local-delivery',
    title: 'Local delivery (DoorDash-style)',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design a local delivery app: customers order from nearby restaurants, a courier is assigned to pick up and deliver, and the customer follows the courier on a map until the food arrives.',
    functional: [
      'Browse restaurants that deliver to my address',
      'Place and pay for an order; the restaurant accepts it',
      'Assign a nearby courier; the courier accepts or declines',
      'Track the courier live with an ETA',
      'Order status from placed to delivered',
    ],
    nonFunctional: [
      'A courier is never assigned two conflicting orders',
      'Courier positions on the map at most ~10 s stale',
      'Payment is charged once, even on retries',
    ],
    scale: [
      '20M DAU × 0.5 orders/day ≈ 10M/day ≈ 116/s, peak ×5 ≈ 579/s',
      '1M active couriers reporting every 5 s: ~200K location updates/s',
    ],
    followUps: [
      'How do you find couriers near a restaurant fast? How fresh must it be?',
      'Assign greedily per order, or batch orders every few seconds? Why?',
      'Two orders pick the same courier at once. What prevents it?',
      'Which states does an order go through, and who moves it?',
      'The restaurant cancels after the courier left. What runs?',
    ],
    hints: [
      'Location writes go to memory with a short TTL, not to the order database.',
      'Offer to one courier at a time with a timeout, then move on.',
    ],
    checklist: [
      { item: 'Courier locations indexed by cell (geohash, H3, Redis GEO)', kinds: ['geospatial-index'] },
      { item: 'Location ingestion kept apart from the order path', kinds: ['location-service'] },
      { item: 'Matching service offers orders to couriers and locks the winner', kinds: ['matching-service'] },
      { item: 'ETA from a routing service', kinds: ['routing-service'] },
      {
        item: 'Order state machine: placed, accepted, courier assigned, picked up, delivered',
        kinds: ['state-machine-diagram', 'workflow-engine'],
      },
      { item: 'Payment with an idempotency key', kinds: ['idempotency-key'] },
      { item: 'Live tracking pushed to the customer', kinds: ['websocket', 'sse'] },
    ],
    sources: ['001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt', '000_660079a65f9868b6.txt'],
  },
]
