import { describe, expect, it } from 'vitest'
import { getProblem } from '../../problems/problemBank'
import { publicProblem, type Problem, type PublicProblem } from '../../problems/problemSchema'
import type { BoardGraph } from '../boardGraph'
import { board } from '../testBoards'
import { checklistGaps } from './checklistGaps'

const shortener = getProblem('url-shortener')!

/** The url-shortener checklist items a board can show (its QPS estimate has no block). */
const API = 'Defines the shorten and redirect APIs, with the redirect status code'
const IDS = 'Unique code generation (counter/Snowflake + base62 or pre-generated pool)'
const CACHE = 'Cache in front of the store for hot redirects'
const STORE = 'Durable mapping store keyed by short code'
const SCALE = 'Scales reads with replicas or shards by short code'
const LIMIT = 'Rate limits link creation per user or IP'
const SERVERS = 'Stateless app servers behind a load balancer'

/** A board with one block of each kind, unconnected: the check reads kinds only. */
const withKinds = (...kinds: string[]) => {
  const b = board()
  kinds.forEach((kind, i) => b.block(`b${i}`, kind))
  return b.graph()
}

describe('checklistGaps', () => {
  it.each<[string, BoardGraph, string[]]>([
    // Every board-showable item, in checklist order; the estimate (no kinds) never appears.
    ['an empty board', board().graph(), [API, IDS, CACHE, STORE, SCALE, LIMIT, SERVERS]],
    [
      'the naive first draft: client, app, database',
      withKinds('client', 'stateless-service', 'sql-database'),
      [API, IDS, CACHE, SCALE, LIMIT],
    ],
    // Any one of an item's kinds satisfies it: sharding covers "replicas or shards".
    [
      'a draft with a cache-aside block and sharding',
      withKinds('load-balancer', 'cache-aside', 'wide-column-store', 'sharding'),
      [API, IDS, LIMIT],
    ],
    [
      'every item but the rate limiter',
      withKinds(
        'rest-api',
        'id-generator',
        'in-process-cache',
        'key-value-store',
        'consistent-hashing',
        'stateless-service'
      ),
      [LIMIT],
    ],
    [
      'one listed kind for every item',
      withKinds(
        'rest-api',
        'id-generator',
        'distributed-cache',
        'sql-database',
        'read-replicas',
        'rate-limiter',
        'load-balancer'
      ),
      [],
    ],
  ])('url-shortener, %s', (_, graph, items) => {
    const findings = checklistGaps({ graph, problem: shortener })
    expect(findings.map((f) => f.title)).toEqual(items.map((item) => `Missing from the board: ${item}`))
    for (const f of findings) {
      expect({ check: f.check, severity: f.severity, shapeIds: f.shapeIds }).toEqual({
        check: 'checklist-gap',
        severity: 'medium',
        shapeIds: [],
      })
    }
  })

  it.each<[string, Problem | PublicProblem | null]>([
    // Candidates and observers get the public problem: no checklist, so nothing to compare against.
    ['a public problem', publicProblem(shortener)],
    ['no problem', null],
  ])('gives nothing for %s, even on an empty board', (_, problem) => {
    expect(checklistGaps({ graph: board().graph(), problem })).toEqual([])
  })

  it("uses the session problem's own checklist (news-feed)", () => {
    const findings = checklistGaps({
      graph: withKinds('fan-out-service', 'distributed-cache', 'kafka-log'),
      problem: getProblem('news-feed')!,
    })
    expect(findings.map((f) => f.title)).toEqual([
      'Missing from the board: Ranking stage (light filter, then a heavier model on the top candidates)',
      'Missing from the board: Social graph and post storage chosen and justified',
      'Missing from the board: Cursor-based pagination',
      'Missing from the board: Media in blob storage behind a CDN',
    ])
  })
})
