import type { BlockEntry } from '../catalogSchema'

/** Compute & services, continued: the domain engines (ranking, streams and batches, media, collaboration, location, search, feeds), listed after `computeBlocks`. */
export const computeDomainBlocks: BlockEntry[] = [
  {
    id: 'ranking-service',
    name: 'Ranking / ML service',
    aliases: ['recommendation service', 'recommender', 'ML inference', 'feature store', 'two-stage ranking'],
    group: 'compute',
    icon: 'BrainCog',
    card: {
      what: 'Scores and orders candidates (feed posts, videos, drivers) with a model. Pipeline: generate candidates, rank with features, filter, then serve; heavy work is often precomputed offline per user.',
      when: 'Personalized feeds, recommendations, search ranking or "top N" lists where ordering by recency alone is not good enough.',
      tradeoffs:
        'Live inference on every request is slow and costly; precompute offline and re-score lightly online instead. Needs a feature store, a cold-start fallback (popular by category) and regional models.',
      numbers:
        'Two stages: a light model (~10 ms) cuts to the top 500, a heavy model (~100 ms, 100+ features) ranks them. Aim for sub-200 ms inference; cache ranked feeds ~5 min.',
    },
    annotation: 'p99 < 200 ms',
    sources: [{ source: '001_49db91e9f3f145ef.txt', section: 'Ranking Algorithm' }, '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'stream-processor',
    name: 'Stream processor',
    aliases: ['Flink', 'Spark Streaming', 'Kafka Streams', 'Dataflow', 'Apache Beam', 'real-time aggregation'],
    group: 'compute',
    icon: 'WavesHorizontal',
    card: {
      what: 'A cluster that consumes an event log continuously and keeps running state: windowed counts, dedup, joins, enrichment. Results go to an OLAP store, cache or another topic.',
      when: 'Real-time analytics, trending topics, traffic estimates, fraud signals or near-real-time indexing, when the answer must be seconds old rather than hours.',
      tradeoffs:
        'Fresh results, but harder than batch: late and out-of-order events, checkpointed state, exactly-once sinks. Many designs pair it with a batch job that recomputes the exact answer later.',
      numbers:
        'Typical flow: ingest → Kafka → stream aggregation → OLAP. Twitter dedups and rolls up events in 5-minute tumbling windows; traffic edge weights refresh every ~5 min.',
    },
    annotation: '5-min windows',
    sources: ['001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'batch-processor',
    name: 'Batch processor',
    aliases: ['MapReduce', 'Spark', 'batch job', 'ETL job', 'Hadoop MapReduce'],
    group: 'compute',
    icon: 'Factory',
    card: {
      what: 'Periodic jobs that read a large dataset from a lake or warehouse, transform and aggregate it in parallel (map, shuffle, reduce), and write derived data: indexes, counts, models, tries.',
      when: 'Building search indexes, hourly or nightly aggregates, ML training sets, or anything that can be hours stale but must cover all the data.',
      tradeoffs:
        'High throughput, simple to reason about and easy to rerun, but results are only as fresh as the last run. Spark keeps data in memory and is much faster than disk-based MapReduce.',
      numbers:
        'MapReduce indexes a 1 TB corpus in 1–2 h on 100 nodes; Spark is about 10x faster in memory. Typeahead tries are rebuilt hourly.',
    },
    annotation: 'hourly, 100 nodes',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'MapReduce for Inverted Index' },
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'media-transcoder',
    name: 'Media transcoder',
    aliases: ['transcoding', 'FFmpeg', 'video encoder', 'encoding pipeline', 'thumbnail generator'],
    group: 'compute',
    icon: 'Film',
    card: {
      what: 'A worker farm (FFmpeg, often GPU) that turns an uploaded original into many resolutions and bitrates, cut into short segments with a manifest, plus thumbnails and audio tracks.',
      when: 'Video or image platforms: YouTube, Netflix, Instagram. Upload to object storage, enqueue a job, transcode, store renditions, then serve via CDN.',
      tradeoffs:
        'Always async: encoding takes minutes, so report progress and retry failed chunks. Chunking parallelizes work but adds orchestration. Storing every rendition multiplies storage many times over.',
      numbers:
        'Encoding takes 5–30 min per video. 5 s chunks give ~720 parallel jobs per hour of video. The rendition ladder totals ~1.5–2x the top rendition: ~4 GB per hour at 1080p.',
    },
    annotation: '720 jobs per video-hour',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Video Encoding Pipeline' },
      '002_166e20fca8cfff70.txt',
      { source: '003_00a63fccc9d8ea53.txt', section: '7. Managing Long Running Tasks' },
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'collaboration-engine',
    name: 'Collaboration engine',
    aliases: ['collab server', 'sync server', 'collab engine', 'co-editing server', 'document sync'],
    group: 'compute',
    icon: 'UsersRoundCollaboration',
    card: {
      what: 'The server behind live co-editing: it orders incoming edits, transforms (OT) or merges (CRDT) them, appends them to an operation log, broadcasts them to other editors over sockets and tracks ACKs.',
      when: 'Google Docs, Figma, shared whiteboards: several people editing one document at once who must all converge on the same state.',
      tradeoffs:
        'A central server ordering ops gives one clear history but is a per-document bottleneck; CRDTs merge without an arbiter and suit offline use but carry metadata. Needs snapshots to bound log replay.',
      numbers:
        'Clients buffer keystrokes ~50 ms; client → server < 20 ms, server → other clients < 50 ms. Replicate across regions asynchronously (~1 s), never synchronously.',
    },
    annotation: 'p99 < 50 ms',
    sources: [{ source: '001_49db91e9f3f145ef.txt', section: '17. Google Docs - Collaborative Document Editing' }],
  },
  {
    id: 'location-service',
    name: 'Location service',
    aliases: ['location tracking', 'live location', 'driver location', 'GPS ingest'],
    group: 'compute',
    icon: 'MapPin',
    card: {
      what: 'Ingests frequent GPS pings from moving devices, keeps the latest position in a geo index for "who is near X" queries, archives history asynchronously, and publishes moves to watchers.',
      when: 'Ride-hailing, delivery, friend maps or fleet tracking, whenever many devices report position every few seconds.',
      tradeoffs:
        'Write-heavy and ephemeral: keep current positions in memory (Redis GEO/QuadTree) and history in a wide-column store. Small staleness (1–2 s) is fine; losing a ping is fine; throttle GPS to save battery.',
      numbers:
        'Drivers report every 4–5 s: 10M drivers → ~2M updates/s. Latest-position keys expire after ~60 s; QuadTree leaves hold ≤ 500 drivers.',
    },
    annotation: '2M updates/s',
    sources: [
      '000_660079a65f9868b6.txt',
      { source: '001_49db91e9f3f145ef.txt', section: 'Driver Location Management' },
      { source: '002_166e20fca8cfff70.txt', section: 'Location Service' },
    ],
  },
  {
    id: 'matching-service',
    name: 'Matching service',
    aliases: ['dispatch', 'ride matching', 'matchmaking', 'driver dispatch'],
    group: 'compute',
    icon: 'Handshake',
    card: {
      what: 'Pairs a request with a supplier: finds nearby candidates, filters (available, rating, vehicle), scores by ETA or distance, offers to the best few, and locks the winner so nobody is double-booked.',
      when: 'Ride-hailing, food delivery, dating or gaming matchmaking: any "assign one of many nearby resources" flow.',
      tradeoffs:
        'Needs strong consistency on the assignment (distributed lock or optimistic version) while location data stays eventual. Offering to several at once is faster but needs first-accept-wins logic.',
      numbers:
        'Target < 1 s (some seeds say < 5 s) to find a driver. Search ~5 km, widen from 2 to 5 km if empty; offer to the top 3–5 with a 15–30 s accept timeout and a 30 s lock.',
    },
    annotation: 'match < 1 s',
    sources: [
      '000_660079a65f9868b6.txt',
      { source: '001_49db91e9f3f145ef.txt', section: 'Rider-Driver Matching' },
      { source: '002_166e20fca8cfff70.txt', section: 'Matching Service' },
    ],
  },
  {
    id: 'routing-service',
    name: 'Routing / ETA service',
    aliases: ['ETA service', 'route planner', 'directions service', 'shortest path'],
    group: 'compute',
    icon: 'Route',
    card: {
      what: 'Computes routes and arrival times over a road graph split into segments, using precomputed shortcuts between border nodes and live traffic weights fed from location streams.',
      when: 'Maps and navigation, ride ETAs, delivery planning, surge and pricing inputs.',
      tradeoffs:
        'Precomputation (contraction hierarchies, border-node paths) makes queries fast but must be refreshed as traffic changes. One global graph on one server will not fit; partition by region.',
      numbers:
        'Contraction hierarchies answer a continental route query in about a millisecond vs seconds for plain Dijkstra (over 1,000x). Route requests < 500 ms; traffic weights refresh every 1–5 min; ~10 km × 10 km segments.',
    },
    annotation: 'route < 500 ms',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Routing: Shortest Path at Scale' },
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'search-service',
    name: 'Search service',
    aliases: ['search API', 'query service', 'search aggregator', 'full-text search service'],
    group: 'compute',
    icon: 'Search',
    card: {
      what: 'The query side of search: parses and spell-corrects the query, fans it out to index shards, merges and ranks hits (BM25, freshness, personalization) and returns a page. An indexer keeps the index fed.',
      when: 'Any product with full-text or faceted search over content the primary DB cannot search efficiently: posts, products, documents, places.',
      tradeoffs:
        'Reads stay fast but the index is eventually consistent with the DB (fed by CDC or an outbox). Scatter-gather latency follows the slowest shard; a query cache helps for hot terms.',
      numbers:
        '< 100 ms over billions of docs; the index is 20–50% of data size. Twitter-scale: 100K+ QPS, new tweets searchable within ~15 s, ~40% query-cache hit rate.',
    },
    annotation: 'p99 < 100 ms',
    sources: [
      { source: '004_883ce214cd1f0ecf.txt', section: 'Design Search System' },
      { source: '001_49db91e9f3f145ef.txt', section: '4. Distributed Search' },
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'fan-out-service',
    name: 'Fan-out service',
    aliases: ['timeline fan-out', 'fanout workers', 'feed fan-out'],
    group: 'compute',
    icon: 'Share2',
    card: {
      what: 'After a post is written, copies its ID into each follower’s precomputed feed (push), or leaves feeds to be assembled on read (pull). The usual answer is hybrid: push for most, pull for celebrities.',
      when: 'News feeds, timelines, group chat delivery: one write that many readers must see, where reads far outnumber writes.',
      tradeoffs:
        'Push makes reads O(1) but costs O(followers) writes and wastes work on inactive users; pull is one write but slow, merge-heavy reads. Hybrid merges celebrity posts at read time.',
      numbers:
        'Thresholds vary by seed: push below ~1K–10K followers, pull above ~100K–1M. A 50M-follower push means 50M cache writes. Keep ~800 IDs per feed.',
    },
    annotation: 'push < 10K followers',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Hybrid Approach — The Actual Twitter Answer' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Core Design: Fan-Out Strategies' },
      '003_00a63fccc9d8ea53.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Design News Feed' },
    ],
  },
  {
    id: 'typeahead-builder',
    name: 'Typeahead trie builder',
    aliases: ['trie builder', 'suggestion service', 'autocomplete service', 'suggest API'],
    group: 'compute',
    icon: 'TextCursor',
    card: {
      what: 'An offline job that aggregates query logs into prefix tries with the top-K completions stored per node, publishes a new version, and suggestion servers hot-swap it into memory.',
      when: 'Search-box autocomplete where suggestions can be an hour stale and must return while the user types.',
      tradeoffs:
        'Serving from memory is very fast, but updates are batch (hourly), so trending terms lag. Tries get large: cap depth, split by prefix range or region, and fall back to a fuzzy search for typos.',
      numbers:
        'Suggest within < 100 ms (< 10 ms from Redis, < 50 ms from the trie); ~100K QPS; rebuild hourly; serialized tries ~10 GB; top 5–10 per prefix.',
    },
    annotation: 'rebuild hourly',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: '16. Typeahead Suggestion System - Autocomplete' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
]
