import { describe, expect, it, vi } from 'vitest'
import { getProblem } from '../problems/problemBank'
import { publicProblem, type PublicProblem } from '../problems/problemSchema'
import type { Finding, Severity } from './finding'
import { singlePointOfFailure } from './checks/singlePointOfFailure'
import { reviewBoard } from './reviewBoard'
import { board } from './testBoards'
import { seedSources } from '../patterns/sources'

// The first check stays real, but a test can make it return findings out of order for one call.
vi.mock('./checks/singlePointOfFailure', async (importOriginal) => {
  const real = await importOriginal<typeof import('./checks/singlePointOfFailure')>()
  return { singlePointOfFailure: vi.fn(real.singlePointOfFailure) }
})

const shortener = publicProblem(getProblem('url-shortener')!)

const fake = (id: string, severity: Severity): Finding => ({
  id,
  check: 'fake',
  severity,
  title: id,
  explanation: '',
  shapeIds: [],
})

describe('reviewBoard', () => {
  it('lists findings high → medium → low, in check order within a severity', () => {
    // A first draft with one of each: a service clients hit directly, a lone DB, reads with no
    // cache on a read-heavy problem, a sync call to the notifier, and a loose arrow with no protocol.
    const graph = board()
      .block('client', 'client')
      .block('api', 'stateless-service', { label: 'API' })
      .block('db', 'sql-database', { label: 'Links DB' })
      .block('notify', 'notification-service')
      .arrow('client', 'api', { protocol: 'HTTP' })
      .arrow('api', 'db', { protocol: 'SQL' })
      .arrow('api', 'notify', { protocol: 'HTTP' })
      .arrow('api', null, { label: 'logs' })
      .graph()
    const findings = reviewBoard({ graph, problem: shortener })
    expect(findings.map((f) => [f.severity, f.check, f.shapeIds])).toEqual([
      ['high', 'single-point-of-failure', ['api']],
      ['high', 'single-point-of-failure', ['db']],
      ['high', 'read-path-without-cache', ['client', 'db']],
      ['medium', 'sync-slow-work', ['api->notify', 'api', 'notify']],
      ['low', 'arrow-without-protocol', ['api->?']],
      ['low', 'loose-arrow', ['api->?']],
    ])
    // Each finding names the guides its advice comes from by title, never our internal notes.
    const titles = Object.values(seedSources)
    for (const finding of findings) {
      expect(finding.explanation).not.toMatch(/seed-extract|§/)
      expect(
        titles.some((title) => finding.explanation.includes(title)),
        finding.check
      ).toBe(true)
    }
  })

  it('sorts findings a check returns out of order, keeping their order within a severity', () => {
    // The real checks happen to return in severity order; this makes sure the sort does the work.
    vi.mocked(singlePointOfFailure).mockReturnValueOnce([
      fake('low-1', 'low'),
      fake('medium-1', 'medium'),
      fake('high-1', 'high'),
      fake('low-2', 'low'),
      fake('high-2', 'high'),
    ])
    const graph = board().block('note', 'client').graph()
    expect(reviewBoard({ graph, problem: null }).map((f) => f.id)).toEqual([
      'high-1',
      'high-2',
      'medium-1',
      'low-1',
      'low-2',
    ])
  })

  it.each<[string, PublicProblem | null]>([
    ['with no problem', null],
    ['with a read-heavy public problem', shortener],
  ])('an empty board gets an empty review, %s', (_, problem) => {
    expect(reviewBoard({ graph: board().graph(), problem })).toEqual([])
  })
})
