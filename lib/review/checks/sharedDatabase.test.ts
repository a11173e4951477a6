import { describe, expect, it } from 'vitest'
import type { ArrowOptions } from '../testBoards'
import type { BoardGraph } from '../boardGraph'
import { board } from '../testBoards'
import { sharedDatabase } from './sharedDatabase'

/** Orders and billing services, each with one arrow into the shared orders DB. */
const twoServices = (orders: ArrowOptions, billing: ArrowOptions) =>
  board()
    .block('orders', 'stateless-service', { label: 'Orders' })
    .block('billing', 'stateless-service', { label: 'Billing' })
    .block('db', 'sql-database', { label: 'Orders DB', annotation: '3 replicas' })
    .arrow('orders', 'db', orders)
    .arrow('billing', 'db', billing)

describe('sharedDatabase', () => {
  it.each<[string, BoardGraph, string[]]>([
    [
      'two services writing one DB',
      twoServices({ label: 'SQL · insert order' }, { label: 'SQL · update status' }).graph(),
      ['db', 'orders', 'billing', 'orders->db', 'billing->db'],
    ],
    [
      // An arrow that says nothing is taken as read/write: the smell is the coupling.
      'two plain SQL arrows',
      twoServices({ protocol: 'SQL' }, { protocol: 'SQL' }).graph(),
      ['db', 'orders', 'billing', 'orders->db', 'billing->db'],
    ],
    [
      // Regression: "read" anywhere in the label used to make the arrow read-only.
      'one writer and one "read/write" arrow',
      twoServices({ label: 'SQL · writes' }, { label: 'SQL · read/write' }).graph(),
      ['db', 'orders', 'billing', 'orders->db', 'billing->db'],
    ],
    [
      'three writers, each listed once even with two arrows',
      twoServices({ protocol: 'SQL' }, { protocol: 'SQL' })
        .block('ship', 'worker-pool', { label: 'Shipping workers' })
        .arrow('ship', 'db', { label: 'SQL · mark shipped' })
        .arrow('orders', 'db', { label: 'SQL · cancel' })
        .graph(),
      ['db', 'orders', 'billing', 'ship', 'orders->db', 'billing->db', 'ship->db', 'orders->db#2'],
    ],
    [
      'any database kind: a document store',
      board()
        .block('a', 'stateless-service')
        .block('b', 'stateless-service')
        .block('docs', 'document-store', { annotation: 'RF=3' })
        .arrow('a', 'docs', { label: 'upsert' })
        .arrow('b', 'docs', { label: 'upsert' })
        .graph(),
      ['docs', 'a', 'b', 'a->docs', 'b->docs'],
    ],
  ])('fires: %s', (_, graph, shapeIds) => {
    const findings = sharedDatabase({ graph, problem: null })
    expect(findings.map((f) => ({ check: f.check, severity: f.severity, shapeIds: f.shapeIds }))).toEqual([
      { check: 'shared-database', severity: 'medium', shapeIds },
    ])
  })

  it.each<[string, BoardGraph]>([
    ['one writer plus a reader labelled "read"', twoServices({ label: 'SQL · writes' }, { label: 'read' }).graph()],
    ['a reader labelled "SQL · reads"', twoServices({ protocol: 'SQL' }, { label: 'SQL · reads' }).graph()],
    ['a reader labelled "query"', twoServices({ protocol: 'SQL' }, { label: 'SQL · query invoices' }).graph()],
    ['a reader of the replica', twoServices({ protocol: 'SQL' }, { label: 'SQL · replica' }).graph()],
    [
      'the second service drawn reading from the DB (arrow out of the DB)',
      board()
        .block('orders', 'stateless-service')
        .block('billing', 'stateless-service')
        .block('db', 'sql-database')
        .arrow('orders', 'db', { protocol: 'SQL' })
        .arrow('db', 'billing', { protocol: 'SQL' })
        .graph(),
    ],
    [
      'one service with two arrows',
      board()
        .block('orders', 'stateless-service')
        .block('db', 'sql-database')
        .arrow('orders', 'db', { label: 'SQL · insert' })
        .arrow('orders', 'db', { label: 'SQL · update' })
        .graph(),
    ],
    [
      'a service and a CDC connector (not a service)',
      board()
        .block('orders', 'stateless-service')
        .block('cdc', 'change-data-capture')
        .block('db', 'sql-database')
        .arrow('orders', 'db', { protocol: 'SQL' })
        .arrow('cdc', 'db', { label: 'binlog' })
        .graph(),
    ],
    [
      'two services writing a cache (not a database)',
      board()
        .block('a', 'stateless-service')
        .block('b', 'stateless-service')
        .block('cache', 'distributed-cache')
        .arrow('a', 'cache', { protocol: 'Redis' })
        .arrow('b', 'cache', { protocol: 'Redis' })
        .graph(),
    ],
  ])('does not fire: %s', (_, graph) => {
    expect(sharedDatabase({ graph, problem: null })).toEqual([])
  })
})
