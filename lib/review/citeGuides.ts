import { seedSources, type SeedSource } from '../patterns/sources'

/** A guide to cite: the whole guide, or one of its sections by the heading the guide gives it. */
export type GuideCitation = SeedSource | { source: SeedSource; section: string }

/**
 * The sentence a review finding ends with, naming the guides its advice comes
 * from by their titles, and the section where one says it best (what a user
 * can look up), never our internal notes.
 *
 * @example
 * ```ts
 * citeGuides({ source: '002_166e20fca8cfff70.txt', section: 'HLD Drawing Rules' })
 * // 'Source: System Design in 30 Days, “HLD Drawing Rules”.'
 * ```
 */
export function citeGuides(...guides: GuideCitation[]): string {
  const cite = (guide: GuideCitation) =>
    typeof guide === 'string' ? seedSources[guide] : `${seedSources[guide.source]}, “${guide.section}”`
  return `${guides.length > 1 ? 'Sources' : 'Source'}: ${guides.map(cite).join('; ')}.`
}
