import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { seedSources } from '../patterns/sources'
import { citeGuides } from './citeGuides'

describe('citeGuides', () => {
  test('names guides by title, with the section heading when one is given', () => {
    expect(citeGuides({ source: '002_166e20fca8cfff70.txt', section: 'HLD Drawing Rules' })).toBe(
      `Source: ${seedSources['002_166e20fca8cfff70.txt']}, “HLD Drawing Rules”.`
    )
    expect(citeGuides('000_660079a65f9868b6.txt', '004_883ce214cd1f0ecf.txt')).toMatch(/^Sources: .+; .+\.$/)
  })

  // The sections the review's checks cite, each a heading its guide really has (when the guides are at hand).
  const seeds = path.resolve(import.meta.dirname, '../../../shared/seeds')
  test.each([
    ['001_49db91e9f3f145ef.txt', '3.1 Cache Strategies'],
    ['001_49db91e9f3f145ef.txt', '3. Cache'],
    ['001_49db91e9f3f145ef.txt', '1.2 Fault Tolerance'],
    ['001_49db91e9f3f145ef.txt', '6. Distributed Task Scheduler'],
    ['002_166e20fca8cfff70.txt', 'HLD Drawing Rules'],
    ['003_00a63fccc9d8ea53.txt', '4. Scaling Reads'],
    ['003_00a63fccc9d8ea53.txt', '7. Managing Long Running Tasks'],
  ] as const)('%s has a section “%s”', (source, section) => {
    let text: string
    try {
      text = readFileSync(path.join(seeds, source), 'utf8')
    } catch {
      return // the guides live outside the repository; CI checks the citations' shape above
    }
    expect(text).toContain(section)
  })
})
