import { seedSources, type SeedSource } from '../patterns/sources'

/**
 * The sentence a review finding ends with, naming the guides its advice comes
 * from by their titles (what a user can look up), never our internal notes.
 *
 * @example
 * ```ts
 * citeGuides('002_166e20fca8cfff70.txt') // 'Source: System Design in 30 Days.'
 * ```
 */
export function citeGuides(...ids: SeedSource[]): string {
  return `${ids.length > 1 ? 'Sources' : 'Source'}: ${ids.map((id) => seedSources[id]).join('; ')}.`
}
