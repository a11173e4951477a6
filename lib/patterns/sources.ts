/**
 * The seed guides the palette's cards paraphrase. Every block and template
 * names at least one, so a card can always say where its claims come from.
 * The files live in the team's shared seed folder; the titles are what a
 * user sees.
 */
export const seedSources = {
  '000_660079a65f9868b6.txt': 'Meta-Learning for System Design (HLD & LLD) and Distributed Systems',
  '001_49db91e9f3f145ef.txt': 'Modern System Design: Interview Prep Guide',
  '002_166e20fca8cfff70.txt': 'System Design in 30 Days',
  '003_00a63fccc9d8ea53.txt': 'System Design Patterns: Comprehensive Interview Guide (after Hello Interview)',
  '004_883ce214cd1f0ecf.txt': 'The Visual Guide to System Design',
} as const

/** A seed file name, as listed in {@link seedSources}. */
export type SeedSource = keyof typeof seedSources

/** Seed file names, for zod's enum. */
export const seedSourceIds = Object.keys(seedSources) as [SeedSource, ...SeedSource[]]

/**
 * A guide to cite: the whole guide by its file name, or one of its sections by
 * the heading the guide gives it (one of `seedSections`' headings for that guide).
 */
export type GuideCitation = SeedSource | { source: SeedSource; section: string }

/**
 * How a user sees one citation, the same on cards and in review findings: the
 * guide's title, and the section's heading in quotes when there is one.
 *
 * @example
 * ```ts
 * citeGuide({ source: '002_166e20fca8cfff70.txt', section: 'HLD Drawing Rules' })
 * // 'System Design in 30 Days, “HLD Drawing Rules”'
 * ```
 */
export function citeGuide(guide: GuideCitation): string {
  return typeof guide === 'string' ? seedSources[guide] : `${seedSources[guide.source]}, “${guide.section}”`
}
