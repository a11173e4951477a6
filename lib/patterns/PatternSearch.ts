import Fuse from 'fuse.js'
import type { BlockEntry, TemplateEntry } from './catalogSchema'
import { matchTier, normalise } from './matchTier'

/** One search result: a block or a template. */
export type PatternHit = { type: 'block'; entry: BlockEntry } | { type: 'template'; entry: TemplateEntry }

/** What a hit matched: its name or an alias (whole, by prefix, with a typo, word by word), or only its card's text. */
export type MatchKind = 'exact' | 'prefix' | 'typo' | 'words' | 'card'

/** A hit and how it matched. */
export interface RankedHit {
  hit: PatternHit
  match: MatchKind
}

interface Searchable {
  hit: PatternHit
  name: string
  aliases: readonly string[]
  /** The card's prose (what, when, trade-offs, numbers; a template's summary), lower-cased. */
  card: string
}

/** Card text is searched for words at least this long. */
const CARD_MIN_LENGTH = 3

/**
 * Search over the palette's blocks and templates by name and alias, ranked in tiers (see {@link matchTier}):
 * an exact name, id or alias ("LB", "Kafka"); then a name or alias, or one of its words, starting with the
 * query ("bal" → load balancer); then a typo of one ("rediss", "laod balancer"); then several-word queries
 * whose every word matches ("consitent hash"). A name beats an alias within a tier, and Fuse.js's score
 * (how much of the field the query covers) orders hits within one. Only when no name or alias matches are
 * the cards searched: blocks whose card text mentions every word of the query.
 *
 * Letters scattered through a word do not count: "kafka" lists Kafka and the stream processor (alias
 * "Kafka Streams"), not the CDN ("Akamai") or Metrics ("Grafana"), which plain fuzzy matching returned.
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
    this.items = [
      ...blocks.map((entry) => ({
        hit: { type: 'block', entry } as const,
        name: entry.name,
        aliases: entry.aliases,
        card: Object.values(entry.card).join(' ').toLowerCase(),
      })),
      ...templates.map((entry) => ({
        hit: { type: 'template', entry } as const,
        name: entry.name,
        aliases: entry.aliases,
        card: entry.summary.toLowerCase(),
      })),
    ]
    this.fuse = new Fuse(this.items, {
      keys: [
        { name: 'name', weight: 3 },
        { name: 'aliases', weight: 2 },
      ],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4,
    })
  }

  /** Hits for `query`, best first; empty for a blank query. */
  find(query: string, limit = 20): PatternHit[] {
    return this.rank(query, limit).map((r) => r.hit)
  }

  /** Like {@link find}, with how each hit matched (the palette says when hits come from card text only). */
  rank(query: string, limit = 20): RankedHit[] {
    const q = normalise(query)
    if (!q) return []
    const fuzzy = new Map(this.fuse.search(q).map((result) => [result.item, result.score ?? 1]))
    const ranked: { item: Searchable; score: number; fuzzy: number }[] = []
    for (const item of this.items) {
      const tier = matchTier(item.name, item.aliases, q)
      if (tier !== null) ranked.push({ item, score: tier, fuzzy: fuzzy.get(item) ?? 1 })
    }
    if (ranked.length === 0) return this.cardMatches(q, limit)
    ranked.sort((a, b) => a.score - b.score || a.fuzzy - b.fuzzy || a.item.name.length - b.item.name.length)
    return ranked.slice(0, limit).map((r) => ({ hit: r.item.hit, match: kindOf(r.score) }))
  }

  /** Hits whose card mentions every word of `q` at a word start, most mentions first. */
  private cardMatches(q: string, limit: number): RankedHit[] {
    const words = q.split(' ').filter((word) => word.length >= CARD_MIN_LENGTH)
    if (words.length === 0) return []
    const patterns = words.map((word) => new RegExp(`(^|[^a-z0-9])${escapeRegExp(word)}`, 'g'))
    return this.items
      .map((item) => ({ item, counts: patterns.map((pattern) => item.card.match(pattern)?.length ?? 0) }))
      .filter(({ counts }) => counts.every((count) => count > 0))
      .map(({ item, counts }) => ({ item, mentions: counts.reduce((sum, count) => sum + count, 0) }))
      .sort((a, b) => b.mentions - a.mentions)
      .slice(0, limit)
      .map(({ item }) => ({ hit: item.hit, match: 'card' as const }))
  }
}

function kindOf(score: number): MatchKind {
  if (score < 1) return 'exact'
  if (score < 2) return 'prefix'
  if (score < 3) return 'typo'
  return 'words'
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
