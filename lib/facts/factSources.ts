import { referenceFacts } from './referenceNumbers'

/**
 * The sources a block's numbers were checked against: those of the
 * reference facts its card quotes (a seed section or a primary source such
 * as vendor documentation or a paper). Shown under the card's seed guides,
 * so a corrected number says where the correction comes from.
 *
 * @example
 * ```ts
 * checkedAgainst('bloom-filter') // ['m = −n·ln p / (ln 2)² (Bloom 1970; …)']
 * ```
 */
export function checkedAgainst(blockId: string): string[] {
  return [...new Set(referenceFacts.filter((f) => f.quotedBy?.includes(blockId)).map((f) => f.source))]
}
