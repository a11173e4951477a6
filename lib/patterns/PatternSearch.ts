import Fuse from 'fuse.js'
import type { BlockEntry, TemplateEntry } from './catalogSchema'
import { editDistance } from './editDistance'

/** One search result: a block or a template. */
export type PatternHit = { type: 'block'; entry: BlockEntry } | { type: 'template'; entry: TemplateEntry }

interface Searchable {
  hit: PatternHit
  name: string
  aliases: readonly string[]
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ')

/**
 * Fuzzy search over the palette's blocks and templates, by name and alias.
 *
 * Fuse.js does the fuzzy part (partial words, loose matches). On top of it
 * results are ranked in tiers: an exact name or alias first, then a one-typo
 * miss of a whole name or alias ("redsi"), then a prefix, then Fuse's fuzzy
 * hits. So "LB" finds the load balancer before anything that merely contains
 * an "l" and a "b", and a swapped letter does not lose to a long name that
 * happens to contain the same letters.
 *
 * @example
 * ```ts
 * const search = new PatternSearch(blockCatalog, templateCatalog)
 * search.find('ELB')[0].entry.id // 'load-balancer'
 * search.find('laod balancer')[0].entry.id // 'load-balancer'
 * ```
 */
export class PatternSearch {
  private readonly fuse: Fuse<Searchable>
  private readonly items: Searchable[]

  constructor(blocks: readonly BlockEntry[], templates: readonly TemplateEntry[]) {
    const items: Searchable[] = [
      ...blocks.map((entry) => ({ hit: { type: 'block', entry } as const, name: entry.name, aliases: entry.aliases })),
      ...templates.map((entry) => ({
        hit: { type: 'template', entry } as const,
        name: entry.name,
        aliases: entry.aliases,
      })),
    ]
    this.items = items
    this.fuse = new Fuse(items, {
      keys: [
        { name: 'name', weight: 3 },
        { name: 'aliases', weight: 2 },
      ],
      includeScore: true,
      ignoreLocation: true,
      // 0.4 lets one wrong, missing or swapped letter through in short words
      // without matching unrelated names.
      threshold: 0.4,
    })
  }

  /** Hits for `query`, best first; empty for a blank query. */
  find(query: string, limit = 20): PatternHit[] {
    const q = normalise(query)
    if (!q) return []
    const fuzzy = new Map(this.fuse.search(q).map((result) => [result.item, result.score ?? 1]))
    const ranked = this.items
      .map((item) => ({ hit: item.hit, tier: matchTier(item, q), score: fuzzy.get(item) ?? 1 }))
      .filter((r) => r.tier < FUZZY_TIER || r.score < 1)
    ranked.sort((a, b) => a.tier - b.tier || a.score - b.score)
    return ranked.slice(0, limit).map((r) => r.hit)
  }
}

const FUZZY_TIER = 3

/** 0: exact name/alias/id, 1: one typo away from one, 2: a name or word starts with the query, 3: fuzzy only. */
function matchTier(item: Searchable, q: string): number {
  const names = [item.name, item.hit.entry.id, ...item.aliases].map(normalise)
  if (names.includes(q)) return 0
  // Short queries ("lb", "s3") are abbreviations: a typo there is a different word.
  if (q.length >= 4 && names.some((name) => Math.abs(name.length - q.length) <= 1 && editDistance(name, q) <= 1))
    return 1
  if (names.some((name) => name.startsWith(q) || name.split(/[ -]/).some((word) => word.startsWith(q)))) return 2
  return FUZZY_TIER
}
