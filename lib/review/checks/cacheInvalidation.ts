import { BoardFacts, nodeName } from '../boardFacts'
import type { Finding, ReviewCheck } from '../finding'
import { citeGuides } from '../citeGuides'

const CACHE_KINDS = new Set(['distributed-cache', 'in-process-cache'])
/** Blocks that name a cache's freshness strategy. */
const STRATEGY_KINDS = new Set([
  'cache-aside',
  'read-through-cache',
  'write-through-cache',
  'write-behind-cache',
  'refresh-ahead',
  'cache-invalidation',
])
/** Text that states how entries go stale: a TTL, invalidation, write-through, eviction (whole words: "throttle" holds no TTL). */
const STATED = /\bttl|invalidat|expir|write-?through|write-?behind|refresh|evict|\blru\b/i

/** A cache with no stated invalidation: no TTL, no strategy block, nothing on its arrows. */
export const cacheInvalidation: ReviewCheck = ({ graph }) => {
  const facts = new BoardFacts(graph)
  const findings: Finding[] = []
  for (const cache of graph.nodes.filter((n) => CACHE_KINDS.has(n.kind))) {
    const stated =
      STATED.test(`${cache.label} ${cache.annotation}`) ||
      facts.neighbours(cache.id).some((n) => STRATEGY_KINDS.has(n.kind)) ||
      facts.edgesOf(cache.id).some((e) => STATED.test(e.label))
    if (stated) continue
    findings.push({
      id: `cache-invalidation:${cache.id}`,
      check: 'cache-invalidation',
      severity: 'medium',
      title: `${nodeName(cache)} has no stated invalidation`,
      explanation:
        'A cache without a freshness rule serves stale data forever or until it fills. Say how entries expire or are invalidated: a TTL on the number line ("TTL 60 s"), write-through, or delete-on-write. ' +
        citeGuides(
          { source: '001_49db91e9f3f145ef.txt', section: '2. Cache Strategy Selection' },
          { source: '003_00a63fccc9d8ea53.txt', section: '4. Scaling Reads' }
        ),
      shapeIds: [cache.id],
    })
  }
  return findings
}
