import { describe, expect, test } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { seedSections } from '../patterns/seedSections'
import { seedSources, type SeedSource } from '../patterns/sources'
import { citeGuides } from './citeGuides'

describe('citeGuides', () => {
  test('names guides by title, with the section heading when one is given', () => {
    expect(citeGuides({ source: '002_166e20fca8cfff70.txt', section: 'HLD Drawing Rules' })).toBe(
      `Source: ${seedSources['002_166e20fca8cfff70.txt']}, “HLD Drawing Rules”.`
    )
    expect(citeGuides('000_660079a65f9868b6.txt', '004_883ce214cd1f0ecf.txt')).toMatch(/^Sources: .+; .+\.$/)
  })

  // Every section a review check cites, read from the checks' source, is a heading its guide has.
  const checksDir = path.resolve(import.meta.dirname, 'checks')
  const cited = readdirSync(checksDir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .flatMap((file) =>
      [...readFileSync(path.join(checksDir, file), 'utf8').matchAll(/source: '([^']+)', section: '([^']+)'/g)].map(
        ([, source, section]) => [file, source as SeedSource, section] as const
      )
    )

  test('the checks cite sections (the test below has something to check)', () => {
    expect(cited.length).toBeGreaterThanOrEqual(5)
  })

  test.each(cited)('%s cites a section of %s its guide has: “%s”', (_file, source, section) => {
    expect(Object.keys(seedSources)).toContain(source)
    expect(seedSections[source]).toContain(section)
  })
})
