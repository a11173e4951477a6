import { describe, expect, it } from 'vitest'
import { getProblem } from '../../problems/problemBank'
import { publicProblem, type PublicProblem } from '../../problems/problemSchema'
import type { BoardGraph } from '../boardGraph'
import { board } from '../testBoards'
import { isReadHeavy, readPathWithoutCache } from './readPathWithoutCache'

/** What a candidate's browser has: the public fields only. */
const visible = (id: string) => publicProblem(getProblem(id)!)

/** A made-up problem; only the text the heuristic reads matters. */
const madeUp = (nonFunctional: string[], scale: string[]): PublicProblem => ({
  id: 'made-up',
  title: 'Made-up problem',
  category: 'pattern',
  difficulty: 'medium',
  prompt: 'Design an ingestion service for telemetry from millions of devices.',
  functional: ['Accept events', 'Store events'],
  nonFunctional,
  scale,
})

/** Write-heavy: the seeds' "write-ahead queue" case, with a ratio in the read:write order. */
const telemetry = madeUp(
  ['Write-heavy: devices report every second'],
  ['50K writes/s, 500 reads/s', 'read:write 1:100']
)

/** Client → LB → app → DB, nothing in front of reads. */
const direct = () =>
  board()
    .block('client', 'client')
    .block('lb', 'load-balancer')
    .block('app', 'stateless-service', { annotation: '3 instances' })
    .block('db', 'sql-database', { annotation: '3 replicas' })
    .arrow('client', 'lb', { protocol: 'HTTP' })
    .arrow('lb', 'app', { protocol: 'HTTP' })
    .arrow('app', 'db', { protocol: 'SQL' })

describe('isReadHeavy', () => {
  it.each<[string, boolean, PublicProblem | null]>([
    ['url-shortener says "Read-heavy"', true, visible('url-shortener')],
    // Regression: these three are read-heavy in the bank's own words but were missed.
    ['news-feed gives a read rate ("500M feed reads/day") and no write rate', true, visible('news-feed')],
    ['instagram: "Reads vastly outnumber uploads"', true, visible('instagram')],
    ['post-service-lld: "Reads about 100× writes"', true, visible('post-service-lld')],
    ['chat-messaging says nothing about reads', false, visible('chat-messaging')],
    ['leaderboard states both rates', false, visible('leaderboard')],
    // Regression: "read:write" alone used to count, whatever the numbers said.
    ['a write-heavy problem with read:write 1:100', false, telemetry],
    ['write:read 20:1 is write-heavy too', false, madeUp(['Ingest first'], ['write:read 20:1'])],
    ['read:write 100:1', true, madeUp(['Low latency'], ['read:write 100:1'])],
    ['read:write 1,000:1 with a thousands separator', true, madeUp(['Low latency'], ['Read:write ratio of 1,000:1'])],
    ["5:1 is not above the seeds' 5:1 trigger", false, madeUp(['Low latency'], ['read:write 5:1'])],
    ['no problem', false, null],
  ])('%s → %s', (_, expected, problem) => {
    expect(isReadHeavy(problem)).toBe(expected)
  })
})

describe('readPathWithoutCache', () => {
  const shortener = visible('url-shortener')

  it.each<[string, BoardGraph, string[]]>([
    ['client → LB → app → DB', direct().graph(), ['client', 'db']],
    [
      'two databases on the path: both named',
      direct().block('kv', 'key-value-store', { annotation: 'RF=3' }).arrow('app', 'kv', { protocol: 'TCP' }).graph(),
      ['client', 'db', 'kv'],
    ],
    [
      // The cache must be where the reads are, not merely on the board.
      "a cache drawn but not connected to the client's part of the board",
      direct().block('cache', 'distributed-cache', { annotation: 'TTL 60 s' }).graph(),
      ['client', 'db'],
    ],
    [
      // Regression: only the first client was looked at, so a stray one hid the real path.
      'a stray client placed first, the real one wired',
      board()
        .block('stray', 'client')
        .block('client', 'client')
        .block('app', 'stateless-service')
        .block('db', 'sql-database')
        .arrow('client', 'app', { protocol: 'HTTP' })
        .arrow('app', 'db', { protocol: 'SQL' })
        .graph(),
      ['client', 'db'],
    ],
    [
      // Regression: a CDN anywhere in the component used to cover every read, though it only serves media.
      'a CDN in front of object storage only',
      direct()
        .block('cdn', 'cdn')
        .block('media', 'object-storage')
        .arrow('client', 'cdn', { label: 'HTTP · images' })
        .arrow('cdn', 'media', { label: 'HTTP · on miss' })
        .graph(),
      ['client', 'db'],
    ],
    [
      'a CDN and origin shield in front of object storage only',
      direct()
        .block('cdn', 'cdn')
        .block('shield', 'origin-shield')
        .block('media', 'object-storage')
        .arrow('client', 'cdn', { protocol: 'HTTP' })
        .arrow('cdn', 'shield', { protocol: 'HTTP' })
        .arrow('shield', 'media', { protocol: 'HTTP' })
        .graph(),
      ['client', 'db'],
    ],
    [
      'web and mobile clients on one path: one finding naming both',
      direct().block('mobile', 'client').arrow('mobile', 'lb', { protocol: 'HTTP' }).graph(),
      ['client', 'mobile', 'db'],
    ],
  ])('fires on a read-heavy problem: %s', (_, graph, shapeIds) => {
    const findings = readPathWithoutCache({ graph, problem: shortener })
    expect(findings.map((f) => ({ check: f.check, severity: f.severity, shapeIds: f.shapeIds }))).toEqual([
      { check: 'read-path-without-cache', severity: 'high', shapeIds },
    ])
  })

  it.each<[string, BoardGraph, PublicProblem | null]>([
    [
      'a cache-aside cache behind the app',
      direct().block('cache', 'distributed-cache').arrow('app', 'cache', { protocol: 'Redis' }).graph(),
      shortener,
    ],
    [
      'a CDN in front of the load balancer',
      direct()
        .block('cdn', 'cdn')
        .arrow('client', 'cdn', { protocol: 'HTTP' })
        .arrow('cdn', 'lb', { protocol: 'HTTP' })
        .graph(),
      shortener,
    ],
    [
      // Its origin is not drawn yet: it may well front the API.
      'a CDN attached to the client only',
      direct().block('cdn', 'cdn').arrow('client', 'cdn', { protocol: 'HTTP' }).graph(),
      shortener,
    ],
    [
      'a CDN for media, and a cache behind the app',
      direct()
        .block('cdn', 'cdn')
        .block('media', 'object-storage')
        .block('cache', 'distributed-cache')
        .arrow('client', 'cdn', { protocol: 'HTTP' })
        .arrow('cdn', 'media', { protocol: 'HTTP' })
        .arrow('app', 'cache', { protocol: 'Redis' })
        .graph(),
      shortener,
    ],
    [
      'an in-process cache in the app',
      direct().block('local', 'in-process-cache').arrow('app', 'local', { label: 'get' }).graph(),
      shortener,
    ],
    ['a read-heavy problem but no database', direct().without('db').graph(), shortener],
    ['a read-heavy problem but no client', direct().without('client').graph(), shortener],
    ['the same direct path on a write-heavy problem', direct().graph(), telemetry],
    ['the same direct path on a problem that is not read-heavy', direct().graph(), visible('chat-messaging')],
    ['the same direct path with no problem', direct().graph(), null],
  ])('does not fire: %s', (_, graph, problem) => {
    expect(readPathWithoutCache({ graph, problem })).toEqual([])
  })

  it('works with the full problem an interviewer has, too', () => {
    const findings = readPathWithoutCache({ graph: direct().graph(), problem: getProblem('url-shortener')! })
    expect(findings.map((f) => f.title)).toEqual([
      'Every read goes to SQL database: no cache or CDN on a read-heavy path',
    ])
  })
})
