import { describe, expect, test } from 'vitest'
import { blockCatalog, templateCatalog } from './catalog'
import { guideCitationSchema } from './catalogSchema'
import { seedSections } from './seedSections'
import { seedSourceIds, type GuideCitation } from './sources'
import { problemBank } from '../problems/problemBank'

const cited = (kind: string, entries: readonly { id: string; sources: readonly GuideCitation[] }[]) =>
  entries.flatMap((entry) =>
    entry.sources.flatMap((guide) =>
      typeof guide === 'string' ? [] : [[`${kind} ${entry.id}`, guide.source, guide.section] as const]
    )
  )

describe('seed sections', () => {
  test('every guide has headings, none repeated, none empty', () => {
    for (const source of seedSourceIds) {
      const sections = seedSections[source]
      expect(sections.length, source).toBeGreaterThan(20)
      expect(new Set(sections).size, source).toBe(sections.length)
      for (const section of sections) expect(section.trim(), source).toBe(section)
    }
  })

  test('the record has the headings the guides are known by', () => {
    expect(seedSections['000_660079a65f9868b6.txt']).toContain('Pattern 2: Caching')
    expect(seedSections['001_49db91e9f3f145ef.txt']).toContain('1.2 Fault Tolerance')
    expect(seedSections['002_166e20fca8cfff70.txt']).toContain('HLD Drawing Rules')
    expect(seedSections['003_00a63fccc9d8ea53.txt']).toContain('4. Scaling Reads')
    expect(seedSections['004_883ce214cd1f0ecf.txt']).toContain('Caching')
  })

  test('a citation naming a section the guide lacks fails the schema', () => {
    expect(
      guideCitationSchema.safeParse({ source: '002_166e20fca8cfff70.txt', section: 'HLD Drawing Rules' }).success
    ).toBe(true)
    expect(
      guideCitationSchema.safeParse({ source: '002_166e20fca8cfff70.txt', section: 'Made-up Section' }).success
    ).toBe(false)
  })

  const citations = [
    ...cited('block', blockCatalog),
    ...cited('template', templateCatalog),
    ...cited('problem', problemBank),
  ]

  test('most blocks, templates and problems cite the section that covers them (the check below has work to do)', () => {
    const blocksWithSection = new Set(citations.filter(([entry]) => entry.startsWith('block ')).map(([entry]) => entry))
    expect(blocksWithSection.size).toBeGreaterThanOrEqual(140)
    const templatesWithSection = new Set(citations.filter(([entry]) => entry.startsWith('template ')).map(([e]) => e))
    expect(templatesWithSection.size).toBeGreaterThanOrEqual(15)
    const problemsWithSection = new Set(citations.filter(([entry]) => entry.startsWith('problem ')).map(([e]) => e))
    expect(problemsWithSection.size).toBeGreaterThanOrEqual(50)
  })

  test.each(citations)('%s cites %s “%s”, a heading of that guide', (_entry, source, section) => {
    expect(seedSections[source]).toContain(section)
  })
})
