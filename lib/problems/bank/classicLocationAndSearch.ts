import type { Problem } from '../problemSchema'

/** Classic designs (seeds Tier A): location, maps, search and crawling. */
export const classicLocationAndSearchProblems: Problem[] = [
  {
    id: 'uber',
    title: 'Uber ride-hailing',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design a ride-hailing service like Uber or Lyft. Focus on matching a rider with a nearby driver and tracking the driver’s location in real time; pricing and payments are stretch goals.',
    functional: [
      'Rider requests a ride with pickup and drop-off',
      'Match the rider to a suitable nearby driver, who accepts or declines',
      'Live driver location on the rider’s map during pickup and trip',
      'Trip lifecycle from request to completion, with history',
      'Stretch: ETA, surge pricing, payments',
    ],
    nonFunctional: [
      'Match found within ~1–5 s',
      'A driver is never assigned to two rides (strong consistency for matching)',
      'Location may lag by a second or two (eventual consistency)',
      'Availability 99.9%+',
    ],
    scale: [
      '100M DAU riders, 10M drivers',
      '~200M rides/day: ~2,300 ride requests/s, ~7,000/s at peak',
      'Drivers report location every 4–5 s: ~2M location updates/s',
      '~1 KB per trip: ~200 GB/day',
    ],
    followUps: [
      'How do you find drivers within 5 km quickly? Compare geohash, quadtree and a geo index.',
      'Two riders are matched to the same driver at once. How do you prevent double booking?',
      'Do you offer the ride to one driver at a time or several? What if nobody accepts?',
      'Where do 2M location writes/s go, and what do you keep long term?',
      'How do location updates reach the rider’s phone?',
      'Payment pre-auth fails after the driver is reserved. How do you undo the steps?',
      'A WebSocket server holding 100K drivers dies. What happens?',
    ],
    hints: [
      'Separate the high-volume location stream from the low-volume, must-be-correct trip data.',
      'Which index lets you ask “who is near this point” without scanning every driver?',
      'What prevents two matchers from grabbing the same driver?',
      'Draw the ride as a state machine.',
    ],
    checklist: [
      { item: 'Estimates location update rate and ride QPS', kinds: [] },
      { item: 'In-memory geospatial index of live driver positions', kinds: ['geospatial-index', 'location-service'] },
      { item: 'Matching service ranks nearby drivers', kinds: ['matching-service'] },
      {
        item: 'Lock or versioning to prevent double booking',
        kinds: ['distributed-lock', 'optimistic-locking', 'pessimistic-locking'],
      },
      { item: 'WebSocket connections for driver offers and live location', kinds: ['websocket', 'websocket-gateway'] },
      { item: 'Location fan-out to the rider via pub/sub', kinds: ['redis-pub-sub', 'pub-sub-topic'] },
      { item: 'Trip state machine in a transactional store', kinds: ['state-machine-diagram', 'workflow-engine'] },
      { item: 'Location history in a write-optimized store', kinds: ['wide-column-store', 'time-series-db'] },
      { item: 'Multi-step booking as a saga with compensation', kinds: ['saga'] },
    ],
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'SCENARIO 1: Design Uber (End-to-End)' },
      { source: '001_49db91e9f3f145ef.txt', section: '11. Uber - Ride-Hailing Platform' },
      {
        source: '002_166e20fca8cfff70.txt',
        section: 'DAY 24 Design Uber — Real-Time Location, Matching, Surge Full HLD+LLD',
      },
      { source: '003_00a63fccc9d8ea53.txt', section: 'Real-World Example: Uber Ride' },
    ],
  },
  {
    id: 'google-maps',
    title: 'Google Maps',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design the routing side of Google Maps: given an origin and a destination, return the best route and an ETA that reflects current traffic, for the whole world’s road network.',
    functional: [
      'Shortest or fastest route between two points',
      'ETA that accounts for live and predicted traffic',
      'Turn-by-turn navigation with rerouting',
      'Map tiles and place search',
      'Optional: walking, cycling and transit modes',
    ],
    nonFunctional: [
      'Route computed in under 500 ms',
      'Millions of concurrent route requests',
      'ETA within a few percent of reality for most trips',
      'Traffic data refreshed every few minutes',
    ],
    scale: [
      '1B+ users; road network in 220+ countries, 40M+ km of roads',
      // Seed 001 gives both ~10 km × 10 km cells and "100M+ segments"; 10M cells of 100 km² would be 1B km², twice
      // Earth's surface. ~150M km² of land at 100 km² a cell is ~1.5M cells; cities split finer.
      'Map split into ~10 km × 10 km segments (smaller in cities): about 1.5M cells cover the land',
      'Continuous GPS updates from navigating phones',
      'Segment lookup in under 100 ms',
    ],
    followUps: [
      'Plain Dijkstra on a continental graph takes seconds. How do you get to milliseconds?',
      'How do you route between two segments held by different servers?',
      'How do phone GPS pings become edge weights on the graph?',
      'How do you predict traffic 30 minutes from now for the ETA?',
      'How do you save battery while still collecting useful location data?',
      'How are map tiles served cheaply worldwide?',
    ],
    hints: [
      'You cannot hold the whole planet’s graph on one machine; how would you split it?',
      'What could you precompute between important points so queries do less work?',
      'Live traffic is a stream; what consumes it and what does it update?',
    ],
    checklist: [
      {
        item: 'World partitioned into segments with a lookup from location to segment',
        kinds: ['geospatial-index', 'key-value-store', 'sharding'],
      },
      {
        item: 'Routing service with precomputation (contraction hierarchies or border-node paths)',
        kinds: ['routing-service'],
      },
      { item: 'Location stream ingested through a log', kinds: ['kafka-log', 'pub-sub-topic'] },
      {
        item: 'Stream or batch jobs compute traffic and update edge weights',
        kinds: ['stream-processor', 'batch-processor'],
      },
      { item: 'Traffic history store', kinds: ['time-series-db', 'wide-column-store'] },
      { item: 'Map tiles served from a CDN', kinds: ['cdn', 'object-storage'] },
      { item: 'Distinguishes static, current and predicted ETA', kinds: [] },
    ],
    sources: [{ source: '001_49db91e9f3f145ef.txt', section: '9. Google Maps - Navigation & Location Services' }],
  },
  {
    id: 'yelp-nearby',
    title: 'Yelp nearby search',
    category: 'classic',
    difficulty: 'medium',
    prompt:
      'Design a proximity service like Yelp: users search for businesses of a given kind near their location, filter and sort the results, and open business details and reviews.',
    functional: [
      'Search businesses by category within a radius of the user',
      'Filter by distance, rating and price; results ranked',
      'View business details, photos and reviews',
      'Business owners add and update listings',
    ],
    nonFunctional: [
      'Search answers in under 100 ms',
      'All relevant places inside the radius are returned',
      'New or edited businesses searchable within minutes',
      'Read-heavy: searches far outnumber listing changes',
    ],
    scale: [
      '100M+ places in 35+ countries',
      '200M reviews',
      'Millions of concurrent searches, with hot spots in big cities',
    ],
    followUps: [
      'Geohash, quadtree or a database geo index: which, and why?',
      'A quadtree leaf holds 100 places vs 5,000. How does that change search and update cost?',
      'The search circle crosses a cell boundary. How do you avoid missing places?',
      'How would you shard the index, and what about Manhattan being much denser than a desert?',
      'How would you rank results combining distance, rating and popularity?',
      'The user is moving. When do you re-run the query?',
      'What would you cache, and at which layer?',
    ],
    hints: [
      'A WHERE lat BETWEEN … AND lng BETWEEN … query on 100M rows is your baseline; what is wrong with it?',
      'How could you turn a 2-D location into something you can index or prefix-match?',
      'Places rarely change; what does that allow?',
    ],
    checklist: [
      { item: 'Geospatial index (quadtree or geohash) for radius search', kinds: ['geospatial-index'] },
      { item: 'Checks neighbouring cells and filters by exact distance', kinds: [] },
      {
        item: 'Index sharded by region/geohash prefix, with extra replicas for dense cities',
        kinds: ['sharding', 'read-replicas'],
      },
      { item: 'Business and review data in a separate store', kinds: ['sql-database', 'document-store'] },
      { item: 'Cache of popular cells or searches', kinds: ['distributed-cache', 'cdn'] },
      { item: 'Ranking that blends distance, rating and review count', kinds: ['ranking-service'] },
      { item: 'Listing updates reach the index asynchronously', kinds: ['message-queue', 'change-data-capture'] },
    ],
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: '10. Yelp - Location-Based Business Search' },
      { source: '002_166e20fca8cfff70.txt', section: 'Geohash Grid + Redis GEO' },
    ],
  },
  {
    id: 'search-system',
    title: 'Distributed search',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design a full-text search system over billions of documents (think Twitter search or a site search engine): new content is searchable within seconds and results are ranked by relevance.',
    functional: [
      'Full-text keyword search with relevance ranking',
      'Index new and updated documents in near real time',
      'Spelling correction and autocomplete',
      'Filters such as time range or author',
    ],
    nonFunctional: [
      'Query latency under 100 ms',
      'New documents searchable within ~15 s',
      'Index scales horizontally as data grows',
      'Search stays available if an index node fails',
    ],
    scale: [
      'Billions of documents (Twitter: about a trillion tweets)',
      '100K+ queries/s',
      'The index is about 20–50% of the raw data size',
      'About 40% of queries can be answered from a query cache',
    ],
    followUps: [
      'What is an inverted index, and what preprocessing happens before terms go in?',
      'Partition by document or by term? What does each do to a query’s fan-out?',
      'How does a query get answered across hundreds of shards?',
      'How do you keep the index in sync with the primary database without dual writes?',
      'How do you combine a small real-time index with a large batch-built one?',
      'How would you add semantic (vector) search alongside keyword search?',
      'One shard is slow. How do you keep tail latency down?',
    ],
    hints: [
      'Scanning every document per query is the baseline; what would you precompute?',
      'Think about what happens between the write to the main DB and the document being searchable.',
      'Breadth is fine here: name the pieces even if you cannot finish every one.',
    ],
    checklist: [
      { item: 'Inverted index in a search engine', kinds: ['search-index', 'search-service'] },
      {
        item: 'Ingestion via CDC or outbox, not synchronous dual writes',
        kinds: ['change-data-capture', 'transactional-outbox', 'kafka-log'],
      },
      // Ticked by hand: the search engine does this at index time; no block on the board shows it.
      { item: 'Tokenize, normalize and stem during indexing', kinds: [] },
      { item: 'Sharded index with scatter-gather queries and replicas', kinds: ['sharding', 'replication'] },
      { item: 'Ranking (BM25 plus signals such as freshness or popularity)', kinds: ['ranking-service'] },
      { item: 'Batch index build alongside a real-time index', kinds: ['batch-processor'] },
      { item: 'Query result cache', kinds: ['distributed-cache'] },
    ],
    sources: [
      '000_660079a65f9868b6.txt',
      { source: '001_49db91e9f3f145ef.txt', section: '4. Distributed Search' },
      '002_166e20fca8cfff70.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Design Search System' },
    ],
  },
  {
    id: 'web-crawler',
    title: 'Web crawler',
    category: 'classic',
    difficulty: 'medium',
    prompt:
      'Design a web crawler like Googlebot that discovers and downloads billions of pages for a search index, while being polite to websites and keeping popular pages fresh.',
    functional: [
      'Crawl from seed URLs, extracting and following links',
      'Respect robots.txt and per-site crawl delays',
      'Skip URLs and pages already seen; avoid crawler traps',
      'Recrawl popular pages often and obscure ones rarely',
      'Store page content for the indexer',
    ],
    nonFunctional: [
      'Politeness: never overload a single site',
      'Scales horizontally to thousands of workers',
      'Robust to slow, broken or malicious sites',
      'Prioritizes important pages',
    ],
    scale: [
      '10B pages, ~100 KB each: ~1 PB of content',
      '10K pages/s: a full pass in about 11–12 days',
      'About 1 GB/s download bandwidth; ~2 TB of URL metadata',
      // Seed 001 says ~10 pages/s per machine (so ~1,000 machines); IRLbot (Lee et al., WWW 2008) sustained ~1,800 pages/s on one server.
      'A well-built fetcher handles hundreds of pages/s per machine (IRLbot reached ~1,800/s on one server): tens of machines',
    ],
    followUps: [
      'How is the URL frontier structured to handle both priority and politeness?',
      'How do you know a URL was already crawled among 10B, and what memory does it take?',
      'How do you assign domains to workers so two workers do not hit one site at once?',
      'How do you detect duplicate content at different URLs?',
      'How do you decide when to recrawl a page?',
      'What happens when a worker crashes mid-batch?',
    ],
    hints: [
      'Start with a BFS loop on one machine, then list what goes wrong at 10B pages.',
      'Checking “seen before?” for every extracted link needs something compact.',
      'What would you key on to keep one site’s requests on one worker?',
    ],
    checklist: [
      {
        item: 'URL frontier with priority queues and per-domain politeness',
        kinds: ['priority-queue'],
      },
      { item: 'Fetcher worker pool scaled horizontally', kinds: ['worker-pool', 'auto-scaling-group'] },
      { item: 'Seen-URL check with a Bloom filter or hash store', kinds: ['bloom-filter', 'key-value-store'] },
      { item: 'Page content in object storage', kinds: ['object-storage'] },
      { item: 'Domains assigned to workers by hash / consistent hashing', kinds: ['consistent-hashing', 'sharding'] },
      { item: 'Content dedup via checksums', kinds: ['deduplication'] },
      { item: 'Recrawl scheduling by page importance', kinds: ['task-scheduler'] },
      { item: 'Throughput and storage estimate', kinds: [] },
    ],
    sources: [{ source: '001_49db91e9f3f145ef.txt', section: '3. Design Web Crawler (Google Bot)' }],
  },
]
