import { describe, expect, it } from 'vitest'
import type { BoardGraph } from '../boardGraph'
import type { Severity } from '../finding'
import { board } from '../testBoards'
import { diagramHygiene } from './diagramHygiene'

/** Client → LB → app → DB, every arrow labelled with its protocol: nothing to say. */
const clean = () =>
  board()
    .block('client', 'client')
    .block('lb', 'load-balancer')
    .block('app', 'stateless-service', { label: 'Orders service' })
    .block('db', 'sql-database', { label: 'Orders DB' })
    .arrow('client', 'lb', { protocol: 'HTTP' })
    .arrow('lb', 'app', { protocol: 'HTTP' })
    .arrow('app', 'db', { label: 'SQL · writes' })

type Expected = { check: string; severity: Severity; shapeIds: string[]; title: string }

describe('diagramHygiene', () => {
  it.each<[string, BoardGraph, Expected[]]>([
    [
      'one unlabelled arrow',
      clean().arrow('app', 'client', { label: '' }).graph(),
      [{ check: 'unlabelled-arrow', severity: 'medium', shapeIds: ['app->client'], title: 'An arrow has no label' }],
    ],
    [
      // Aggregated: one finding lists every unlabelled arrow, so the panel does not fill with copies.
      'two unlabelled arrows: one finding listing both',
      clean().arrow('app', 'lb').arrow('db', 'app').graph(),
      [
        {
          check: 'unlabelled-arrow',
          severity: 'medium',
          shapeIds: ['app->lb', 'db->app'],
          title: '2 arrows have no label',
        },
      ],
    ],
    [
      'arrows with a label but no protocol',
      clean().arrow('app', 'lb', { label: 'reply' }).arrow('db', 'app', { label: 'rows' }).graph(),
      [
        {
          check: 'arrow-without-protocol',
          severity: 'low',
          shapeIds: ['app->lb', 'db->app'],
          title: '2 arrows name no protocol',
        },
      ],
    ],
    [
      'a loose arrow (one end on nothing)',
      clean().arrow('app', null, { protocol: 'HTTP' }).graph(),
      [
        {
          check: 'loose-arrow',
          severity: 'low',
          shapeIds: ['app->?'],
          title: 'An arrow is not attached to blocks at both ends',
        },
      ],
    ],
    [
      'disconnected blocks',
      clean().block('cache', 'distributed-cache').block('mq', 'message-queue', { label: 'Jobs' }).graph(),
      [
        {
          check: 'disconnected-block',
          severity: 'low',
          shapeIds: ['cache', 'mq'],
          title: '2 blocks are connected to nothing',
        },
      ],
    ],
    [
      'one disconnected block is named',
      clean().block('mq', 'message-queue', { label: 'Jobs' }).graph(),
      [{ check: 'disconnected-block', severity: 'low', shapeIds: ['mq'], title: 'Jobs is connected to nothing' }],
    ],
    [
      'a blank label (whitespace only)',
      clean().change('app', { label: '  ' }).graph(),
      [{ check: 'unlabelled-block', severity: 'low', shapeIds: ['app'], title: 'A block has no label' }],
    ],
    [
      // A free arrow with no text is both unlabelled and loose; a block it touches is not disconnected.
      "everything at once, in the check's order",
      clean()
        .block('cache', 'distributed-cache', { label: '' })
        .block('orphan', 'message-queue')
        .arrow('cache', null)
        .arrow('app', 'cache', { label: 'get / set' })
        .graph(),
      [
        { check: 'unlabelled-arrow', severity: 'medium', shapeIds: ['cache->?'], title: 'An arrow has no label' },
        {
          check: 'arrow-without-protocol',
          severity: 'low',
          shapeIds: ['app->cache'],
          title: 'An arrow names no protocol',
        },
        {
          check: 'loose-arrow',
          severity: 'low',
          shapeIds: ['cache->?'],
          title: 'An arrow is not attached to blocks at both ends',
        },
        {
          check: 'disconnected-block',
          severity: 'low',
          shapeIds: ['orphan'],
          title: 'Message queue is connected to nothing',
        },
        { check: 'unlabelled-block', severity: 'low', shapeIds: ['cache'], title: 'A block has no label' },
      ],
    ],
  ])('finds: %s', (_, graph, expected) => {
    const findings = diagramHygiene({ graph, problem: null })
    expect(findings.map(({ check, severity, shapeIds, title }) => ({ check, severity, shapeIds, title }))).toEqual(
      expected
    )
  })

  it.each<[string, BoardGraph]>([
    ['a clean, labelled board', clean().graph()],
    [
      'a protocol given in the arrow meta with a free-text label',
      clean().arrow('app', 'lb', { label: 'reply', protocol: 'HTTP' }).graph(),
    ],
    // One block alone is the start of a drawing, not a disconnected part of one.
    ['a single block with no arrows', board().block('client', 'client').graph()],
    ['an empty board', board().graph()],
  ])('finds nothing: %s', (_, graph) => {
    expect(diagramHygiene({ graph, problem: null })).toEqual([])
  })
})
