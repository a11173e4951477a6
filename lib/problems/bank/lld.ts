import type { Problem } from '../problemSchema'

/** Low-level design: classes, state, patterns and concurrency (Tier C, L01–L06). */
export const lldProblems: Problem[] = [
  {
    id: 'parking-lot',
    title: 'Parking lot',
    category: 'lld',
    difficulty: 'easy',
    prompt:
      'Design the classes for a multi-level parking lot. Vehicles of different sizes enter, get a suitable slot and a ticket, and pay when they leave. Focus on entities, design patterns and concurrency.',
    functional: [
      'Park a car, bike or truck in a slot that fits it',
      'Issue a ticket on entry',
      'Compute the fee on exit with a pricing rule that can be swapped',
      'Show free slots per level on a display board',
      'Reserve a slot ahead of arrival',
    ],
    nonFunctional: [
      'Two vehicles never get the same slot',
      'A new vehicle type or pricing rule needs no change to core classes',
      'Only valid slot state transitions are possible',
      'The display board updates shortly after each change',
    ],
    scale: [
      'Assume one lot with a few levels and a few hundred slots per level',
      'Several entry gates assign slots at the same time',
    ],
    followUps: [
      'Two gates assign the same slot at the same moment. Show the fix.',
      'Add electric-vehicle charging slots. Which classes change?',
      'How would you support a weekend flat rate next to hourly pricing?',
      'A slot is RESERVED but the driver never arrives. What happens?',
      'How does the availability board stay current without scanning every slot?',
      'Which tables and indexes back these classes?',
    ],
    hints: [
      'List the nouns in the problem; each is a candidate class.',
      'Where is the gap between "this slot is free" and "this slot is mine"?',
      'Which behaviour varies (pricing, vehicle type), and how could you make it pluggable?',
    ],
    checklist: [
      {
        item: 'Entities ParkingLot, Level, Slot, Ticket and Vehicle with their relationships',
        kinds: ['entity-box', 'relationship'],
      },
      { item: 'Vehicle subclasses created through a factory', kinds: ['factory-pattern'] },
      { item: 'Pricing as a strategy (hourly, flat rate)', kinds: ['strategy-pattern'] },
      { item: 'Availability board subscribed to slot changes', kinds: ['observer-pattern'] },
      {
        item: 'Slot state machine: available, reserved, occupied, back to available',
        kinds: ['state-machine-diagram', 'state-pattern'],
      },
      {
        item: 'Atomic check-and-assign with a version field and compare-and-set',
        kinds: ['optimistic-locking', 'pessimistic-locking'],
      },
      { item: 'Names the check-then-act race explicitly', kinds: [] },
    ],
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'LLD: Parking Lot System' }],
  },
  {
    id: 'notification-service-lld',
    title: 'Notification service (LLD)',
    category: 'lld',
    difficulty: 'easy',
    prompt:
      'Design the classes and delivery path of a notification service that sends email, SMS and push messages, so that a new channel can be added without touching the core.',
    functional: [
      'Send a notification to a user on one or more channels',
      'Format each message per channel from a template',
      'Deliver through a queue with retries',
      'Drop duplicate sends',
      'Cap how many messages a user gets per channel',
      'Record delivery status',
    ],
    nonFunctional: [
      'A new channel means a new class, not edits to existing ones',
      'At-least-once delivery without the user seeing duplicates',
      'A failing provider does not hold up other channels',
      'Per-user caps are always enforced',
    ],
    scale: [
      'At most 10 emails per user per day',
      'One queue topic per channel',
      'Retries back off exponentially: 1, 2, 4, 8 s…',
    ],
    followUps: [
      'Add WhatsApp as a channel. Which classes change?',
      'The SMS provider is down for an hour. What happens to queued messages?',
      'Where is the idempotency key checked, and what is it built from?',
      'How do one-time passwords jump ahead of marketing messages?',
      'Where do user preferences and quiet hours fit in this model?',
      'Template method or strategy: which part varies where?',
    ],
    hints: [
      'What is common to sending any notification, and what differs per channel?',
      'What if a consumer crashes right after the provider accepted the message?',
      'How would you stop one user getting fifty emails today?',
    ],
    checklist: [
      {
        item: 'Notification entity and an abstract channel with email, SMS and push subclasses',
        kinds: ['entity-box', 'relationship'],
      },
      { item: 'Each channel implements send() as a strategy', kinds: ['strategy-pattern'] },
      { item: 'Base send() calling overridable format() and deliver()', kinds: ['template-method'] },
      { item: 'Factory that builds the channel from its type', kinds: ['factory-pattern'] },
      {
        item: 'Topic per channel with consumers that retry with backoff',
        kinds: ['kafka-log', 'message-queue', 'retry-backoff'],
      },
      { item: 'Idempotency key to drop duplicate deliveries', kinds: ['idempotency-key', 'deduplication'] },
      { item: 'Per-user, per-channel rate limit', kinds: ['rate-limiter'] },
      { item: 'Delivery status as a state machine', kinds: ['state-machine-diagram'] },
    ],
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'LLD: Notification System' }],
  },
  {
    id: 'ride-booking-lld',
    title: 'Ride booking (LLD)',
    category: 'lld',
    difficulty: 'medium',
    prompt:
      'Design the low-level model for booking a ride in an Uber-style app: riders, drivers and rides, the ride lifecycle, and what stops two drivers from accepting the same ride.',
    functional: [
      'A rider requests a ride with pickup and drop-off points',
      'A driver accepts the ride',
      'The ride moves through its lifecycle to completion',
      'Either party can cancel under defined rules',
      'Fare is computed by a pricing rule, including surge',
      'Status changes are pushed to the rider',
    ],
    nonFunctional: [
      'One ride, one driver: no double acceptance',
      'Invalid status transitions are rejected',
      'Pricing rules can change without touching Ride',
      'Frequent queries such as "my recent rides" are indexed',
    ],
    scale: [
      '~200M rides/day, about 2,300 ride writes/s (peak ~7,000)',
      'A driver lock lasts up to 30 s while the driver decides',
    ],
    followUps: [
      'Two drivers tap accept together. Show the UPDATE each one runs.',
      'Which states can move to CANCELLED, and who may trigger it?',
      'How does surge pricing plug in without changing Ride?',
      'Which index serves "my recent rides"?',
      "Where does a driver's availability live, and how does it stay in step with ride state?",
      'Version field, Redis lock or SELECT FOR UPDATE: which would you pick and why?',
    ],
    hints: [
      'Start with the nouns: who creates a ride, and who accepts it?',
      'Draw the status field as a state machine before writing any method.',
      'What can happen between reading "REQUESTED" and writing "MATCHED"?',
    ],
    checklist: [
      { item: 'Rider, Driver and Ride entities with keys and foreign keys', kinds: ['entity-box', 'relationship'] },
      {
        item: 'Ride status machine: requested, matched, in progress, completed, cancelled',
        kinds: ['state-machine-diagram', 'state-pattern'],
      },
      {
        item: 'Version field on Ride for optimistic locking, or an explicit lock',
        kinds: ['optimistic-locking', 'pessimistic-locking', 'distributed-lock'],
      },
      { item: 'Pricing strategy with standard and surge fares', kinds: ['strategy-pattern'] },
      { item: 'Vehicle factory', kinds: ['factory-pattern'] },
      { item: 'Status board observing ride changes', kinds: ['observer-pattern'] },
      { item: 'Index on rides by rider and creation time', kinds: ['database-index'] },
    ],
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'LLD = Entities + Relationships + State + Concurrency' },
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'post-service-lld',
    title: 'Post service (LLD)',
    category: 'lld',
    difficulty: 'easy',
    prompt:
      'Zoom into the post service of a Twitter-like system. Write createPost and getPost as numbered steps, and define the posts table, its sharding key, its indexes and the API.',
    functional: [
      'createPost(userId, content, media) returns a post ID',
      'getPost(postId) returns one post',
      "List a user's posts, newest first, page by page",
      'Publish an event for timeline fan-out on each new post',
      'Rate-limit posting per user',
    ],
    nonFunctional: [
      'Most getPost calls are served from cache',
      'Post IDs are unique and time-sortable without coordination',
      'No shard becomes a hotspot',
      'The stored post and the published event never diverge',
    ],
    scale: [
      '300M DAU × 2 posts/day ≈ 600M posts/day',
      '~7K writes/s on average, ~21K at peak',
      'Reads about 100× writes: ~700K reads/s',
    ],
    followUps: [
      'Why hash(post_id) as the shard key, and how do you then serve "all posts by user X"?',
      'Why Snowflake-style IDs rather than auto-increment?',
      'The database write succeeds but publishing to the queue fails. Now what?',
      'How do you invalidate the cache when a post is edited or deleted?',
      'What does the rate-limit check keep in Redis?',
      "Offset or cursor pagination for a user's posts?",
    ],
    hints: [
      'Write createPost as numbered steps first.',
      'For each index, name the query it serves.',
      'What would happen if you sharded by created_at?',
    ],
    checklist: [
      { item: 'Service box with step-by-step createPost and getPost', kinds: ['stateless-service'] },
      {
        item: 'posts table with typed columns and keys',
        kinds: ['entity-box', 'sql-database', 'wide-column-store'],
      },
      { item: 'Snowflake-style ID generation', kinds: ['id-generator'] },
      { item: 'Cache-aside read path for getPost', kinds: ['cache-aside', 'distributed-cache'] },
      { item: 'Rate-limit check before writing', kinds: ['rate-limiter'] },
      {
        item: 'New-post event published for fan-out without a dual-write gap',
        kinds: ['transactional-outbox', 'message-queue', 'kafka-log'],
      },
      { item: 'Shard by hash(post_id), index (user_id, created_at)', kinds: ['sharding', 'database-index'] },
      { item: 'Cursor pagination for user timelines', kinds: ['pagination'] },
    ],
    sources: ['000_660079a65f9868b6.txt'],
  },
  {
    id: 'location-service-lld',
    title: 'Location service (LLD)',
    category: 'lld',
    difficulty: 'medium',
    prompt:
      'Zoom into the location service of a ride-hailing system. Drivers report GPS every few seconds, and matching asks for available drivers near a point. Define the methods, data structures and storage.',
    functional: [
      'updateLocation(driverId, lat, lon)',
      'getNearbyDrivers(lat, lon, radius), filtered by availability and sorted by distance',
      'Keep each driver’s location history',
      'Publish updates for live trip tracking',
    ],
    nonFunctional: [
      'Nearby queries return in tens of milliseconds',
      'The latest position may be 1–2 s stale',
      'History writes never slow the update path',
      'Drivers who stop reporting drop out of results',
    ],
    scale: [
      '10M drivers reporting every 5 s ≈ 2M updates/s',
      'Search radius around 5 km, widened when nobody is found',
      'Latest-position entries expire about 60 s after the last update',
    ],
    followUps: [
      'Redis GEO, geohash cells or a QuadTree: which survives 2M updates/s?',
      'A driver stops sending updates. How does the driver leave search results?',
      'How do you shard the geo index for a city with 100K drivers?',
      'What does the history table key look like, and why?',
      'Why write history asynchronously, and what could be lost?',
    ],
    hints: [
      'Separate "where is each driver now" from "where has each driver been".',
      'Which store gives you a radius query out of the box?',
      'Is losing one GPS ping a problem?',
    ],
    checklist: [
      { item: 'Service box with the two methods written as steps', kinds: ['location-service', 'stateless-service'] },
      { item: 'Driver and LocationPing entities keyed by driver_id (and timestamp)', kinds: ['entity-box'] },
      { item: 'Geo index of current driver positions', kinds: ['geospatial-index'] },
      { item: 'Driver status hash (available, current ride, rating)', kinds: ['key-value-store', 'distributed-cache'] },
      {
        item: 'History partitioned by driver and sorted by time',
        kinds: ['wide-column-store', 'time-series-db'],
      },
      { item: 'History written asynchronously', kinds: ['message-queue', 'kafka-log', 'write-behind-cache'] },
      { item: 'Position updates published to riders', kinds: ['redis-pub-sub', 'pub-sub-topic', 'websocket'] },
      // Ticked by hand: a TTL on the latest-position key; data tiering moves cold data, it does not expire it.
      { item: 'Expiry of stale driver positions', kinds: [] },
    ],
    sources: ['000_660079a65f9868b6.txt'],
  },
  {
    id: 'video-encoding-lld',
    title: 'Video encoding service (LLD)',
    category: 'lld',
    difficulty: 'medium',
    prompt:
      'Zoom into the video encoding service of a Netflix-like platform: a raw upload arrives, is transcoded into several qualities, stored in object storage, and the catalogue metadata is updated. Write the service as pseudo-code with its failure handling.',
    functional: [
      'Accept an encoding job for a raw video',
      'Split the video into chunks and transcode each into every quality in parallel',
      'Store outputs in object storage and update the metadata',
      'Retry failed chunks',
      'Send a job to a dead-letter queue after repeated failures',
      'Report job status',
    ],
    nonFunctional: [
      'Re-running a job does not duplicate outputs',
      'One failed chunk does not restart the whole video',
      'A video becomes playable only once every rendition exists',
      'Workers scale with queue depth',
    ],
    scale: [
      'Encoding takes 5–30 minutes per video',
      '5 s chunks: a 1-hour video becomes 720 parallel jobs',
      // Seed 001 says ~12x; one rendition per resolution sums to ~1.5–2x the top one (see the `compression` card).
      'All renditions together cost ~1.5–2× the top rendition',
    ],
    followUps: [
      'One chunk fails three times. What happens to the whole job?',
      'How do you know every rendition is done before marking the video playable?',
      'A worker dies mid-chunk. How is the chunk picked up again without duplicate output?',
      'How would you prioritise a new release over back-catalogue re-encodes?',
      'Where do job and chunk state live?',
    ],
    hints: [
      'Write the job as pseudo-code, marking where each step can fail.',
      'Can many workers encode one long video at the same time?',
      'What makes retrying a step safe?',
    ],
    checklist: [
      {
        item: 'Queue-driven pool of transcoding workers',
        kinds: ['message-queue', 'worker-pool', 'media-transcoder'],
      },
      { item: 'Chunk fan-out and join tracked by a workflow', kinds: ['workflow-engine'] },
      { item: 'Renditions stored in object storage', kinds: ['object-storage'] },
      { item: 'Metadata updated only after all renditions succeed', kinds: ['sql-database', 'document-store'] },
      { item: 'Retries with backoff, then a dead-letter queue', kinds: ['retry-backoff', 'dead-letter-queue'] },
      { item: 'Deterministic output keys so retries are idempotent', kinds: ['idempotency-key'] },
      { item: 'Job and chunk status as a state machine', kinds: ['state-machine-diagram', 'entity-box'] },
    ],
    sources: ['000_660079a65f9868b6.txt', '002_166e20fca8cfff70.txt'],
  },
]
