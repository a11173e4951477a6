import type { Problem } from '../problemSchema'

/**
 * Shorter classics and the seeds' pattern drills (Pinterest for load
 * balancing and caching, "has the user read this" for Bloom filters, Tinder
 * for geo proximity), plus Pastebin. Scale lines that start from DAU follow
 * "N DAU × k actions/day ≈ total/day ≈ avg/s, peak ×f ≈ peak/s" so the bank
 * test can recompute them.
 */
export const classicDrillProblems: Problem[] = [
  {
    id: 'pastebin',
    title: 'Pastebin',
    category: 'classic',
    difficulty: 'easy',
    prompt:
      'Design Pastebin: users paste a block of text, get a short link, and anyone with the link can read it until it expires.',
    functional: [
      'Create a paste (text up to 1 MB) and get a short unique link',
      'Read a paste by its link',
      'Optional expiry (10 minutes to never) and optional custom alias',
      'Unlisted by default; a signed-in user sees their own pastes',
    ],
    nonFunctional: [
      'Reads fast worldwide: p99 under 200 ms',
      'A paste is never lost before it expires',
      'Links are hard to guess',
    ],
    scale: [
      '10M DAU × 0.1 pastes/day ≈ 1M pastes/day ≈ 12/s, peak ×3 ≈ 35/s',
      'Read:write 10:1: ~120 reads/s on average',
      'Average paste 10 KB: ~10 GB/day, ~3.7 TB/year',
    ],
    followUps: [
      'Why keep the text in object storage and only the metadata in the database?',
      'How do you make keys unique without a collision check on every write?',
      'How are expired pastes removed, and what does a reader see in between?',
      'A paste goes viral. What serves it?',
      'How would you stop the service being used to host malware links?',
    ],
    hints: [
      'Split the small metadata row from the large body.',
      'The same key-generation choices as a URL shortener apply.',
    ],
    checklist: [
      { item: 'Paste bodies in object storage, metadata in a database', kinds: ['object-storage'] },
      {
        item: 'Metadata (key, owner, expiry, body location) in a key-value or SQL store',
        kinds: ['key-value-store', 'sql-database'],
      },
      { item: 'Unique short keys from a counter, a key range or an ID generator', kinds: ['id-generator'] },
      { item: 'Popular pastes served from a cache or CDN', kinds: ['distributed-cache', 'cdn'] },
      {
        item: 'Expired pastes hidden on read and removed by a background job',
        kinds: ['task-scheduler', 'batch-processor'],
      },
      { item: 'Write and read QPS and storage per year estimated', kinds: [] },
    ],
    sources: ['001_49db91e9f3f145ef.txt', '000_660079a65f9868b6.txt'],
  },
  {
    id: 'pinterest',
    title: 'Pinterest (load balancing and caching drill)',
    category: 'classic',
    difficulty: 'easy',
    prompt:
      'A 20-minute drill: design the read path of Pinterest, where users scroll a home feed of image pins and open pins and boards. Focus on load balancing and what to cache.',
    functional: [
      'Home feed of pins, paged',
      'Open a pin: image, title, who saved it, related pins',
      'Save a pin to a board',
      'View a user’s profile and boards',
    ],
    nonFunctional: [
      'Feed loads in under 300 ms at p99',
      'Images load fast on mobile worldwide',
      'No single server whose loss takes the feed down',
    ],
    scale: [
      '100M DAU × 50 pin views/day ≈ 5B/day ≈ 58K/s, peak ×3 ≈ 174K/s',
      '10M new pins/day ≈ 116 writes/s',
      'Read:write about 500:1',
    ],
    followUps: [
      'Which data gets a TTL and which is updated on write? Why for each?',
      'Where do the load balancers sit, and how do they pick a server?',
      'A celebrity board is read 1M times an hour. What keeps one cache node from melting?',
      'How do the images stay fast without the app servers touching them?',
      'What happens to the feed when the cache cluster restarts cold?',
    ],
    hints: [
      'Images and metadata take different paths.',
      'Feeds tolerate staleness; a profile the user just edited does not.',
    ],
    checklist: [
      { item: 'Load balancer in front of stateless API and image services', kinds: ['load-balancer'] },
      { item: 'Images on a CDN backed by object storage', kinds: ['cdn'] },
      { item: 'Feed and popular pins cached with a TTL (cache-aside)', kinds: ['cache-aside', 'distributed-cache'] },
      { item: 'Profiles updated through the cache on write', kinds: ['write-through-cache'] },
      { item: 'Hot keys split or replicated across cache nodes', kinds: ['hot-key-splitting'] },
      { item: 'Stampede protection when a hot entry expires', kinds: ['stampede-protection'] },
      { item: 'Read and write QPS estimated and the read-heavy ratio named', kinds: [] },
    ],
    sources: ['000_660079a65f9868b6.txt', '001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'has-user-read',
    title: 'Has the user read this article? (Bloom filter drill)',
    category: 'classic',
    difficulty: 'easy',
    prompt:
      'A 20-minute drill: a Medium-style feed must hide articles the user has already read. Checking the read-history table for every card is too slow. Design the check.',
    functional: [
      'Record that a user read an article',
      'For a page of 20 candidate articles, say which the user has not read',
      'Show a “read” mark on articles the user opened before',
    ],
    nonFunctional: [
      'The check adds under 10 ms to a feed request',
      'Never hides an unread article more than about 1% of the time',
      'Never shows an article as unread once it was read (no false negatives)',
    ],
    scale: [
      '50M DAU × 20 article checks/day ≈ 1B/day ≈ 11.6K/s, peak ×3 ≈ 35K/s',
      'Up to 1,000 read articles per user: at 1% false positives ~9.6 bits each ≈ 1.2 KB per user',
      '100M users × 1.2 KB ≈ 120 GB of filters across a Redis cluster',
    ],
    followUps: [
      'Which answer can the filter give for sure, and which needs the database?',
      'A heavy reader passes 1,000 articles. What happens to the false-positive rate, and what do you do?',
      'Where does the filter live: in Redis, or loaded into the feed service per request?',
      'Why not a Redis set of article ids per user? Compare the memory.',
      'How is the filter rebuilt if it is lost?',
    ],
    hints: ['A Bloom filter never says “no” for an item that was added.', 'One filter per user keeps each one small.'],
    checklist: [
      { item: 'One Bloom filter per user, sized for ~1% false positives', kinds: ['bloom-filter'] },
      { item: 'Filters kept in Redis so every feed server reads them', kinds: ['distributed-cache'] },
      {
        item: 'Read events written to a durable history table (source of truth)',
        kinds: ['wide-column-store', 'sql-database'],
      },
      { item: 'Read events flow through a queue to update filter and history', kinds: ['message-queue', 'kafka-log'] },
      { item: 'Sizes the filter: bits per item and memory per user', kinds: [] },
      { item: 'Says when a “maybe” is accepted and when it is confirmed in the database', kinds: [] },
    ],
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 11: Bloom Filter' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Bloom Filter (Space-Efficient Set Membership)' },
    ],
  },
  {
    id: 'tinder',
    title: 'Tinder (geo proximity and matching)',
    category: 'classic',
    difficulty: 'medium',
    prompt:
      'Design Tinder: show each user a stack of nearby profiles that fit their filters, record left and right swipes, and tell both people at once when two users like each other.',
    functional: [
      'Update my location and my filters (distance, age, gender)',
      'Get a stack of candidate profiles within my radius',
      'Swipe left or right; never show the same profile twice',
      'Mutual right swipes create a match and notify both users',
    ],
    nonFunctional: [
      'Candidate stack in under 200 ms',
      'A match is detected exactly once, even when both swipe at the same moment',
      'Location may be a few minutes stale',
    ],
    scale: [
      '50M DAU × 100 swipes/day ≈ 5B/day ≈ 58K/s, peak ×3 ≈ 174K/s',
      '50M DAU × 10 location updates/day ≈ 500M/day ≈ 5.8K/s',
      'Swipe record ~50 bytes: ~250 GB/day',
    ],
    followUps: [
      'How do you find profiles within 10 km fast? Geohash, quadtree or S2?',
      'Dense cities vs empty countryside: how does the cell size adapt?',
      'Both users swipe right at once. How is the match created exactly once?',
      'How do you avoid showing profiles already swiped, at 5B swipes a day?',
      'Where would ranking come in, and what does it read?',
    ],
    hints: [
      'A match needs a lookup of the reverse swipe, keyed by the pair.',
      'Precompute candidate stacks in the background rather than on every request.',
    ],
    checklist: [
      { item: 'Profiles indexed by location (geohash, quadtree or Redis GEO)', kinds: ['geospatial-index'] },
      { item: 'Location updates handled by a location service', kinds: ['location-service'] },
      { item: 'Swipes stored in a wide-column store keyed by user (write-heavy)', kinds: ['wide-column-store'] },
      { item: 'Match found by looking up the reverse swipe, once per pair', kinds: [] },
      { item: 'Match notification pushed to both users', kinds: ['notification-service', 'websocket'] },
      { item: 'Already-swiped profiles filtered, e.g. with a Bloom filter per user', kinds: ['bloom-filter'] },
      { item: 'Canonical pair key (smaller id first) makes the match write idempotent', kinds: [] },
    ],
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Geohash Grid + Redis GEO' }, '001_49db91e9f3f145ef.txt'],
  },
]
