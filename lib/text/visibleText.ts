import { z } from 'zod'

/**
 * Most combining marks (accents, vowel signs, variation selectors) one
 * character may carry. Real text needs at most 3 or 4 once composed (NFC):
 * Vietnamese 2, Thai and Devanagari 2–3, Tibetan stacks 3–4, an emoji keycap 2.
 */
export const MAX_MARKS_PER_CHARACTER = 4

/** Options of {@link visibleTextSchema}. */
export interface VisibleTextOptions {
  /** What is named, for the messages: `'name'`, `'board name'`. */
  noun: string
  /** Longest text, in UTF-16 code units once trimmed and normalised (as `maxLength` counts in a browser). */
  max: number
}

/** Flag emoji written with tag characters (England, Scotland, Wales: 🏴 + tags + cancel tag), which are fine. */
const TAG_FLAG = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu
/** A zero-width joiner or non-joiner between two visible characters (emoji sequences, Indic and Persian words). */
const JOINER_INSIDE = /(?<=[\p{L}\p{M}\p{N}\p{S}])[\u200C\u200D](?=[\p{L}\p{M}\p{N}\p{S}])/gu
/** Control characters (NUL, tabs, line breaks; C0 and C1) and the line and paragraph separators. */
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u
/**
 * Invisible formatting characters (Unicode's `Cf`: zero-width spaces, bidi
 * overrides and isolates and marks, soft hyphens, tags, …), and the fillers
 * that render as nothing (Hangul fillers, the blank Braille pattern).
 */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/u
/** A surrogate that is not half of a pair: broken UTF-16, which no font shows and UTF-8 cannot store. */
const LONE_SURROGATE = /\p{Cs}/u
/** More than {@link MAX_MARKS_PER_CHARACTER} combining marks in a row ("Zalgo" text). */
const MARK_PILE = new RegExp(`\\p{M}{${MAX_MARKS_PER_CHARACTER + 1},}`, 'u')
/** Something that shows: a letter, number, symbol or punctuation mark (not a private-use or unassigned code point). */
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u

/**
 * Why `text` (trimmed and normalised) cannot be a {@link VisibleTextOptions.noun},
 * or null when it can: no control characters, no invisible formatting
 * characters (a zero-width joiner or non-joiner between two visible
 * characters excepted, as emoji and some scripts need), no broken UTF-16, at
 * most {@link MAX_MARKS_PER_CHARACTER} marks on a character, and at least
 * one visible letter, number, symbol or punctuation mark. Length is left to the schema.
 */
export function visibleTextProblem(text: string, noun: string): string | null {
  if (LONE_SURROGATE.test(text)) return `A ${noun} cannot contain broken characters (unpaired UTF-16 surrogates).`
  if (CONTROL.test(text)) return `A ${noun} cannot contain control characters such as NUL, tabs or line breaks.`
  const unjoined = text.replace(TAG_FLAG, '\u{1F3F4}').replace(JOINER_INSIDE, '')
  if (INVISIBLE.test(unjoined)) {
    return `A ${noun} cannot contain invisible characters such as zero-width spaces or text-direction overrides.`
  }
  if (MARK_PILE.test(text)) {
    return `A ${noun} can have at most ${MAX_MARKS_PER_CHARACTER} accents or marks on one character.`
  }
  if (!VISIBLE.test(text)) return `A ${noun} needs at least one visible letter, number or symbol.`
  return null
}

/**
 * The one schema of a short name people show each other (a guest's display
 * name, a board's name): trimmed, normalised to NFC, 1 to `max` code units,
 * and passing {@link visibleTextProblem}. Each refusal is a sentence that
 * the forms show as it is.
 *
 * @example
 * ```ts
 * const guestNameSchema = visibleTextSchema({ noun: 'name', max: 40 })
 * guestNameSchema.safeParse('Alice\u202egnp.exe').success // false: a text-direction override
 * ```
 */
export function visibleTextSchema({ noun, max }: VisibleTextOptions) {
  return z
    .string()
    .trim()
    .normalize('NFC')
    .min(1, `Enter a ${noun}: it cannot be blank.`)
    .max(max, `A ${noun} can be at most ${max} characters.`)
    .superRefine((text, context) => {
      if (text.length === 0) return // already said: blank
      const problem = visibleTextProblem(text, noun)
      if (problem) context.addIssue({ code: 'custom', message: problem })
    })
}

/** The first refusal of a {@link visibleTextSchema} as a sentence to show, or the accepted (trimmed, NFC) text. */
export function checkVisibleText(
  schema: ReturnType<typeof visibleTextSchema>,
  typed: unknown
): { ok: true; text: string } | { ok: false; message: string } {
  const result = schema.safeParse(typed)
  if (result.success) return { ok: true, text: result.data }
  return { ok: false, message: result.error.issues[0]?.message ?? 'This text cannot be used.' }
}

/** The same pattern, matching every occurrence (for `replace`). */
const global = (pattern: RegExp) => new RegExp(pattern.source, 'gu')
/** What {@link visibleTextProblem} lets through of the invisible characters (group 1), or one it refuses. */
const KEPT_OR_INVISIBLE = new RegExp(`(${TAG_FLAG.source}|${JOINER_INSIDE.source})|${INVISIBLE.source}`, 'gu')

/**
 * A name someone else chose that we cannot send back to be retyped (an OAuth
 * profile's name, "Copy of <board>"), made to pass {@link visibleTextSchema}:
 * control and invisible characters removed (joiners inside emoji and words
 * kept), broken UTF-16 and mark piles cut, whitespace collapsed, cut to
 * `max` without splitting a character; `fallback` when nothing visible is left.
 *
 * @example
 * ```ts
 * toVisibleText('Alice\u202egnp.exe', { noun: 'name', max: 40 }, 'Member') // 'Alicegnp.exe'
 * ```
 */
export function toVisibleText(text: string | null | undefined, options: VisibleTextOptions, fallback: string): string {
  const schema = visibleTextSchema(options)
  const cleaned = (text ?? '')
    .replace(global(LONE_SURROGATE), '')
    .replace(global(CONTROL), ' ')
    // A tag flag and a joiner between visible characters are kept; any other invisible character goes.
    .replace(KEPT_OR_INVISIBLE, (_, kept: string | undefined) => kept ?? '')
    .replace(global(MARK_PILE), (pile) => [...pile].slice(0, MAX_MARKS_PER_CHARACTER).join(''))
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
  let cut = ''
  for (const { segment } of new Intl.Segmenter().segment(cleaned)) {
    if (cut.length + segment.length > options.max) break
    cut += segment
  }
  cut = cut.trimEnd()
  return schema.safeParse(cut).success ? cut : fallback
}
