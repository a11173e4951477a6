import type { Problem } from '../problemSchema'

/**
 * Code-level prompts from the seeds' low-level section ("How would you
 * implement this?"): a class on the board, its fields and methods, and the
 * concurrency story, before the distributed version.
 */
export const lldCodeProblems: Problem[] = [
  {
    id: 'lru-cache-lld',
    title: 'LRU cache (code level)',
    category: 'lld',
    difficulty: 'easy',
    prompt:
      'Implement an in-memory LRU cache with a fixed capacity: get and put both in O(1), evicting the least recently used entry when full. Then make it safe for many threads and add per-entry TTLs.',
    functional: [
      'get(key) returns the value and marks the entry most recently used',
      'put(key, value) inserts or updates; evicts the least recently used entry when full',
      'Optional per-entry TTL; expired entries are never returned',
      'Hit, miss and eviction counters',
    ],
    nonFunctional: ['get and put in O(1) time', 'Correct under concurrent callers', 'Memory bounded by the capacity'],
    scale: ['Capacity of 10,000 entries per process', 'One hash-map entry plus one list node (two pointers) per key'],
    followUps: [
      'Why not keep entries sorted by last access time? What would each operation cost?',
      'One global lock or lock striping by key hash? What breaks with striping?',
      'When would LFU or TinyLFU beat LRU, e.g. under a one-off scan?',
      'Redis does not keep an exact LRU list. How does it approximate it, and why?',
      'Expire TTLs lazily on read, actively in the background, or both?',
    ],
    hints: [
      'Which structure finds a key in O(1)? Which moves or removes an element in O(1)?',
      'Sentinel head and tail nodes remove most edge cases.',
    ],
    checklist: [
      { item: 'LRUCache and Node classes with their fields (key, value, prev, next, expiry)', kinds: ['entity-box'] },
      { item: 'Eviction policy behind an interface (LRU now, LFU later)', kinds: ['strategy-pattern'] },
      {
        item: 'Thread safety as a wrapper or lock striping around the core',
        kinds: ['decorator-pattern', 'pessimistic-locking'],
      },
      { item: 'Placed as the in-process tier in front of a shared cache', kinds: ['in-process-cache'] },
      { item: 'Hash map plus doubly linked list gives O(1) get and put', kinds: [] },
      { item: 'Names the race between a get that promotes and a put that evicts', kinds: [] },
    ],
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'LRU Cache (Interview Classic!)' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'token-bucket-lld',
    title: 'Token-bucket rate limiter (code level)',
    category: 'lld',
    difficulty: 'easy',
    prompt:
      'Implement a token-bucket rate limiter class for one process, then turn it into a limiter shared by many API servers with its state in Redis.',
    functional: [
      'allow(key) answers whether a request may proceed and takes a token if so',
      'Each key has a capacity (burst) and a refill rate',
      'Return how long to wait when a request is refused',
      'Limits configurable per plan or endpoint',
    ],
    nonFunctional: [
      'O(1) per call with no background timer',
      'Correct when many threads or servers call for the same key at once',
      'Adds about a millisecond in the distributed version',
    ],
    scale: [
      'Capacity 10 and refill 5 tokens/s: bursts of 10, then 5 requests/s sustained',
      '1M active keys × ~50 bytes (tokens and last refill time) ≈ 50 MB in Redis',
      'One Redis round trip (~1 ms) per request when the check runs as one script',
    ],
    followUps: [
      'Why refill lazily from elapsed time instead of a timer per bucket?',
      'Two servers read 1 token left and both take it. How does one script prevent that?',
      'Token bucket or sliding window counter for this API? What does each allow at window edges?',
      'Redis is unreachable. Fail open or closed, and for which endpoints?',
      'How would you cut Redis calls with a small local allowance per server?',
    ],
    hints: [
      'What two numbers per key are enough to know how many tokens there are now?',
      'Read, refill, take and write back must happen as one step. Where can that step run?',
    ],
    checklist: [
      { item: 'TokenBucket entity: capacity, tokens, refill rate, last refill time', kinds: ['entity-box'] },
      { item: 'Algorithm behind an interface (token bucket, sliding window)', kinds: ['strategy-pattern'] },
      { item: 'Shared state in Redis updated by one atomic script', kinds: ['distributed-cache', 'rate-limiter'] },
      { item: 'Fails open with a short timeout when Redis is down', kinds: ['timeout-fallback'] },
      { item: 'Lazy refill: tokens = min(capacity, tokens + elapsed × rate)', kinds: [] },
      { item: 'Names the check-then-act race and how the script removes it', kinds: [] },
    ],
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Rate Limiter (Token Bucket Implementation)' },
      '002_166e20fca8cfff70.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
]
