import { editDistance } from './editDistance'

/**
 * How well a query matches a name or alias list, lower is better:
 * - 0 `exact`: the whole name, id or an alias ("lb", "kafka").
 * - 1 `prefix`: a name or alias, or one of its words, starts with the query ("bal" → load balancer).
 * - 2 `typo`: one or two slips from a whole name or alias ("rediss", "laod balancer"), or one slip from
 *   one of its words or its start ("gatway", "circut").
 * - 3 `words`: every word of a several-word query starts, or is one slip from, a word of one name or
 *   alias ("consitent hash").
 *
 * A name beats an alias within a tier (+0.1 for an alias, +0.5 for a word or start of one).
 * Returns null when none of these hold: the caller may still try looser fuzzy matching.
 */
export function matchTier(name: string, aliases: readonly string[], query: string): number | null {
  const q = normalise(query)
  if (!q) return null
  const best = [name, ...aliases].reduce<number | null>((acc, term, i) => {
    const tier = termTier(normalise(term), q)
    if (tier === null) return acc
    const score = tier + (i === 0 ? 0 : 0.1)
    return acc === null || score < acc ? score : acc
  }, null)
  return best
}

/** Lower-case, trimmed, with hyphens, slashes and runs of spaces as one space ("Pub/Sub" → "pub sub"). */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\-/_·,()&]+/g, ' ')
    .trim()
}

/** Drops spaces and punctuation, so "pubsub", "pub/sub" and "pub-sub" compare equal. */
const compact = (text: string) => text.replace(/[^a-z0-9]/g, '')

const wordsOf = (term: string) => term.split(' ')

/** Slips allowed in a whole-term typo: none below 4 letters (they are abbreviations), then one per 7 letters. */
function allowedSlips(length: number): number {
  if (length < 4) return 0
  return length < 8 ? 1 : 2
}

function termTier(term: string, q: string): number | null {
  if (term === q || (compact(q).length > 0 && compact(term) === compact(q))) return 0
  if (term.startsWith(q)) return 1
  if (term.includes(` ${q}`)) return 1.5
  const slips = allowedSlips(q.length)
  if (slips === 0) return null
  if (Math.abs(term.length - q.length) <= slips && editDistance(term, q) <= slips) return 2
  if (Math.abs(compact(term).length - compact(q).length) <= slips && editDistance(compact(term), compact(q)) <= slips)
    return 2
  if (q.length >= 6 && editDistance(term.slice(0, q.length), q) <= 1) return 2.5
  const words = wordsOf(term)
  if (!q.includes(' ')) return words.some((word) => slipOfWord(word, q)) ? 2.5 : null
  const allWords = wordsOf(q).every((qw) => words.some((word) => word.startsWith(qw) || slipOfWord(word, qw)))
  return allWords ? 3 : null
}

/** One slip (two for 8+ letters) from a whole word, or one from its start (6+ letters); never for short words. */
function slipOfWord(word: string, q: string): boolean {
  if (q.length < 4 || word.length < 4) return false
  const slips = allowedSlips(q.length)
  if (Math.abs(word.length - q.length) <= slips && editDistance(word, q) <= slips) return true
  return q.length >= 6 && word.length > q.length && editDistance(word.slice(0, q.length), q) <= 1
}
