import type { BlockEntry } from '../catalogSchema'

/** Caching: the cache tiers themselves, and the strategies you annotate them with. */
export const cachingBlocks: BlockEntry[] = [
  {
    id: 'distributed-cache',
    name: 'Distributed cache',
    aliases: ['Redis', 'Memcached', 'Pelikan', 'ElastiCache', 'Redis Cluster', 'cache cluster', 'L2 cache', 'cache'],
    group: 'caching',
    icon: 'MemoryStick',
    card: {
      what: 'A shared in-memory key-value tier that all app servers read before the database, sharded by key hash and replicated. Redis adds rich data types and persistence; Memcached is plain, multithreaded KV.',
      when: 'Read-heavy paths (read:write above ~5:1), expensive queries or joins, hot data following 80/20, sessions. Redis is the default choice; Memcached for pure caching at huge scale.',
      tradeoffs:
        'Takes most reads off the database at sub-millisecond cost, but brings invalidation and staleness problems, memory limits and evictions, hot keys, and another cluster to run.',
      numbers:
        'GET ~0.5-1 ms vs ~1–5 ms p50 (~10–20 ms p99) for an indexed DB read, far more for joins; ~100K+ ops/s per node (Memcached up to ~1M); 80-95% hit ratio; 2-3 replicas per shard. Cache ~20% of data to cover ~80% of reads.',
    },
    annotation: '95% hit, 1 ms',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: '2.4 Distributed Cache' },
      '002_166e20fca8cfff70.txt',
      '003_00a63fccc9d8ea53.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Caching' },
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 2: Caching' },
    ],
  },
  {
    id: 'in-process-cache',
    name: 'In-process cache',
    aliases: ['L1 cache', 'local cache', 'Caffeine', 'Guava cache', 'near cache', 'GoCache'],
    group: 'caching',
    icon: 'Cpu',
    card: {
      what: 'A bounded map inside each app instance’s own memory, usually LRU or TinyLFU, sitting in front of the shared cache as the first tier.',
      when: 'Tiny, very hot, slightly-stale-tolerant data: config, feature flags, a top-100 leaderboard, a celebrity post. Also the quick fix for a hot key hammering one Redis shard.',
      tradeoffs:
        'No network hop at all, but every instance holds its own copy, so copies diverge, memory is per-process, and invalidating all of them needs a broadcast or short TTLs.',
      numbers:
        'Under 0.01 ms per read and 10M+ ops/s; sized around 100 MB-1 GB per instance. Example: leaderboard top 100 refreshed every 10 s.',
    },
    annotation: 'TTL 10 s',
    sources: [
      '001_49db91e9f3f145ef.txt',
      { source: '003_00a63fccc9d8ea53.txt', section: '2. Caching (Most Effective)' },
      { source: '002_166e20fca8cfff70.txt', section: 'Multilevel Caching' },
    ],
  },
  {
    id: 'cache-aside',
    name: 'Cache-aside',
    aliases: ['lazy loading', 'look-aside cache', 'lazy cache'],
    group: 'caching',
    icon: 'ArrowDownToLine',
    card: {
      what: 'The application owns the logic: look in the cache, on a miss read the database, then store the result in the cache with a TTL. On writes, update the DB and delete the cached key.',
      when: 'The default read strategy for most read-heavy services; say it first unless there is a reason not to.',
      tradeoffs:
        'Only requested data gets cached and a cache outage just means slower reads, but each miss costs three steps, the first read after expiry is slow, and races can leave stale entries.',
      numbers:
        'Hit path ~1 ms; a miss pays the DB query (~1–5 ms p50 indexed, far more for joins) plus a cache write. Aim for 80-95% hits; short URL services reach ~99%.',
    },
    annotation: 'TTL 1 h',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 2: Caching' },
      { source: '002_166e20fca8cfff70.txt', section: 'Caching Strategies' },
      { source: '003_00a63fccc9d8ea53.txt', section: '2. Caching (Most Effective)' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Caching' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'read-through-cache',
    name: 'Read-through cache',
    aliases: ['read through', 'cache loader', 'inline cache'],
    group: 'caching',
    icon: 'BookOpen',
    card: {
      what: 'The application talks only to the cache; on a miss the cache layer itself loads the value from the database, stores it and returns it.',
      when: 'When a cache library or provider supports loaders and you want miss-handling in one place rather than repeated in every service.',
      tradeoffs:
        'Cleaner application code and consistent loading logic, but the cache now depends on the data source and its schema, and cold starts still send a burst of misses to the DB.',
      numbers:
        'Same latency profile as cache-aside: ~1 ms on a hit, DB latency plus a cache write on a miss. Pair with stampede protection for hot keys.',
    },
    annotation: 'loader on miss',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Caching Strategies' },
      { source: '003_00a63fccc9d8ea53.txt', section: '2. Caching (Most Effective)' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'write-through-cache',
    name: 'Write-through cache',
    aliases: ['write through', 'synchronous cache write'],
    group: 'caching',
    icon: 'Save',
    card: {
      what: 'Every write goes to the cache and the database in the same synchronous operation, so the cache always holds the latest committed value.',
      when: 'Data that is read right after being written and must not be stale: inventory counts, user profiles, short-URL mappings.',
      tradeoffs:
        'Reads stay fresh and simple, but every write pays two writes, and the cache fills with data that may never be read unless you add TTLs.',
      numbers:
        'Every write also waits for the cache write, about +1 ms on top of the DB commit. Usually combined with a TTL such as 1 h to keep the cache small.',
    },
    annotation: '+1 ms per write',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Caching Strategies' },
      '001_49db91e9f3f145ef.txt',
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 2: Caching' },
    ],
  },
  {
    id: 'write-behind-cache',
    name: 'Write-behind cache',
    aliases: ['write-back cache', 'write back', 'lazy write'],
    group: 'caching',
    icon: 'ClockArrowUp',
    card: {
      what: 'Writes land in the cache only and return at once; a background job flushes them to the database later, often coalesced into batches.',
      when: 'High-rate, loss-tolerant counters and events: view counts, likes, clicks, analytics. E.g. INCR in Redis, then sync to the store every few seconds.',
      tradeoffs:
        'Very fast writes and far fewer DB writes, but anything not yet flushed is lost if a cache node dies, and the DB lags behind the cache.',
      numbers:
        'Writes cost only the cache round-trip (~1 ms). Batching turns thousands of increments per second on a key into one DB write per flush interval.',
    },
    annotation: 'flush every 5 s',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 2: Caching' },
      { source: '002_166e20fca8cfff70.txt', section: 'Caching Strategies' },
      { source: '003_00a63fccc9d8ea53.txt', section: '2. Write-Behind Caching' },
      '004_883ce214cd1f0ecf.txt',
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'refresh-ahead',
    name: 'Refresh-ahead',
    aliases: ['background refresh', 'proactive refresh', 'cache warming', 'prefetching'],
    group: 'caching',
    icon: 'RefreshCcw',
    card: {
      what: 'Popular keys are reloaded in the background shortly before their TTL runs out, so readers keep hitting a warm entry instead of triggering a miss.',
      when: 'A predictable set of hot keys with costly rebuilds: home feeds, trending lists, leaderboards, product pages.',
      tradeoffs:
        'Users rarely see a miss on hot data, but you spend work refreshing keys that may not be read again, and must decide which keys count as hot.',
      numbers:
        'Rule of thumb: refresh when an entry is ~80-90% through its TTL. A worker watching TTLs means users of hot keys never hit a miss.',
    },
    annotation: 'refresh at 80% TTL',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Caching Strategies' },
      '001_49db91e9f3f145ef.txt',
      '003_00a63fccc9d8ea53.txt',
    ],
  },
  {
    id: 'cache-invalidation',
    name: 'Cache invalidation',
    aliases: ['cache purge', 'versioned keys', 'event-driven invalidation'],
    group: 'caching',
    icon: 'Eraser',
    card: {
      what: 'How stale entries leave the cache: expire by TTL, delete or update on write, publish change events that consumers use to evict, or bump a version in the key (user:42:v3).',
      when: 'Whenever you draw a cache next to a database, say how it stays correct. Event-driven invalidation beats TTL alone when users must see changes quickly.',
      tradeoffs:
        'TTL is simple but serves stale data until expiry; events are fresher but add a pipeline and ordering issues; versioned keys avoid races but leave orphans to expire.',
      numbers:
        'Typical TTLs by tier: browser ~30 min, CDN ~24 h, app cache ~5 min. Order matters: commit to the DB first, then delete the cached key.',
    },
    annotation: 'TTL 5 min',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Cache Invalidation — "Two Hard Problems"' },
      '003_00a63fccc9d8ea53.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Caching' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Cache Invalidation Strategy' },
    ],
  },
  {
    id: 'stampede-protection',
    name: 'Stampede protection',
    aliases: [
      'cache stampede',
      'thundering herd',
      'dogpile',
      'request coalescing',
      'single-flight',
      'probabilistic early expiration',
    ],
    group: 'caching',
    icon: 'Lock',
    card: {
      what: 'Guards against many requests missing the same key at once and all hitting the database. Options: a lock so one caller rebuilds, coalescing concurrent misses, early or jittered expiry.',
      when: 'Hot keys with expensive rebuilds, mass expiry after deploys or cache restarts, and whenever TTLs were all set at the same moment.',
      tradeoffs:
        'Keeps the DB alive under load spikes, but locks make waiting callers slower or serve stale values, and probabilistic expiry only lowers the odds rather than removing them.',
      numbers:
        'One rebuild per key instead of one per concurrent caller. Add random jitter, e.g. ±10% of TTL, so keys written together do not all expire together.',
    },
    annotation: '1 rebuild per key',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Cache Invalidation — "Two Hard Problems"' },
      { source: '003_00a63fccc9d8ea53.txt', section: 'Q1: Cache stampede?' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Caching' },
    ],
  },
  {
    id: 'hot-key-splitting',
    name: 'Hot-key splitting',
    aliases: ['hot key', 'celebrity key', 'key salting', 'hot key mitigation'],
    group: 'caching',
    icon: 'Flame',
    card: {
      what: 'Spreads one overly popular key over several shards by copying it under suffixed keys (post:42:0 … post:42:7) and picking a copy per read, or keeps a local copy on each app server.',
      when: 'A celebrity post, viral item or global counter overloads a single cache shard while the rest of the cluster idles.',
      tradeoffs:
        'Spreads load evenly, but writes must update or invalidate every copy and copies can briefly disagree; detecting which keys are hot needs monitoring.',
      numbers:
        'Load per shard drops by about the number of copies: 8 suffixes spread one key over 8 shards. Most traffic comes from few keys (top 10% of items often draw 90% of reads).',
    },
    annotation: '8 copies',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Shard Key Selection — The Most Critical Decision' },
      { source: '003_00a63fccc9d8ea53.txt', section: 'Q2: Hot partitions?' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
]
