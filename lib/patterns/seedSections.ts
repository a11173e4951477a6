import type { SeedSource } from './sources'
import { guide000 } from './seedSections/guide000'
import { guide001 } from './seedSections/guide001'
import { guide001b } from './seedSections/guide001b'
import { guide002 } from './seedSections/guide002'
import { guide003 } from './seedSections/guide003'
import { guide004 } from './seedSections/guide004'

/**
 * The section headings each seed guide has, exactly as the guide writes them
 * (markdown bold and decorative emoji removed): the repository's record of
 * which sections a card or a review finding may cite, since the guides
 * themselves live outside it, in the team's shared seed folder.
 *
 * Extracted by `scripts/seed-sections.mjs` (run it again when a guide
 * changes): the `#` headings of the markdown guides (000, 001, 003; for 001
 * its body's headings, not its table of contents, whose numbering differs)
 * and the standalone title lines of the plain-text ones (002, 004), leaving
 * out labels a guide repeats for every chapter, such as "Key Concepts".
 */
export const seedSections: Record<SeedSource, readonly string[]> = {
  '000_660079a65f9868b6.txt': guide000,
  '001_49db91e9f3f145ef.txt': [...guide001, ...guide001b],
  '002_166e20fca8cfff70.txt': guide002,
  '003_00a63fccc9d8ea53.txt': guide003,
  '004_883ce214cd1f0ecf.txt': guide004,
}

/** Whether `section` is a heading of the guide `source`, as {@link seedSections} records it. */
export function isSeedSection(source: SeedSource, section: string): boolean {
  return seedSections[source].includes(section)
}
