import { citeGuide, type GuideCitation } from '../patterns/sources'

export type { GuideCitation } from '../patterns/sources'

/**
 * The sentence a review finding ends with, naming the guides its advice comes
 * from by their titles, and the section where one says it best (what a user
 * can look up), never our internal notes. Each citation reads as on a block's
 * card (see {@link citeGuide}).
 *
 * @example
 * ```ts
 * citeGuides({ source: '002_166e20fca8cfff70.txt', section: 'HLD Drawing Rules' })
 * // 'Source: System Design in 30 Days, “HLD Drawing Rules”.'
 * ```
 */
export function citeGuides(...guides: GuideCitation[]): string {
  return `${guides.length > 1 ? 'Sources' : 'Source'}: ${guides.map(citeGuide).join('; ')}.`
}
