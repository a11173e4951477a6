import { describe, expect, it } from 'vitest'
import type { BoardEdge } from './boardGraph'
import { board, type ArrowOptions } from './testBoards'

// The checks' tests are only as good as the boards they read: these pin the builder to how
// extractBoardGraph reads a real board (catalog group, arrow label → protocol, dashed Kafka).
describe('testBoards', () => {
  it('fills group and label from the catalog; the number line starts empty', () => {
    const { nodes } = board()
      .block('lb', 'load-balancer')
      .block('db', 'sql-database', { label: 'Orders DB', annotation: '3 replicas' })
      .graph()
    expect(nodes).toEqual([
      { id: 'lb', kind: 'load-balancer', group: 'clients-edge', label: 'Load balancer', annotation: '' },
      { id: 'db', kind: 'sql-database', group: 'data-stores', label: 'Orders DB', annotation: '3 replicas' },
    ])
  })

  it.each<[string, ArrowOptions, Omit<BoardEdge, 'id' | 'from' | 'to'>]>([
    ['a protocol labels the arrow', { protocol: 'HTTP' }, { label: 'HTTP', protocol: 'HTTP', mode: 'sync' }],
    ['an async protocol is dashed', { protocol: 'Kafka' }, { label: 'Kafka', protocol: 'Kafka', mode: 'async' }],
    [
      'a label naming a protocol sets it',
      { label: 'SQL · writes' },
      { label: 'SQL · writes', protocol: 'SQL', mode: 'sync' },
    ],
    ['free text names none', { label: 'writes' }, { label: 'writes', protocol: null, mode: 'sync' }],
    ['nothing given: unlabelled', {}, { label: '', protocol: null, mode: 'sync' }],
    ['an explicit mode wins', { label: 'event', mode: 'async' }, { label: 'event', protocol: null, mode: 'async' }],
  ])('arrow: %s', (_, options, expected) => {
    const [edge] = board()
      .block('a', 'stateless-service')
      .block('b', 'stateless-service')
      .arrow('a', 'b', options)
      .graph().edges
    expect(edge).toEqual({ id: 'a->b', from: 'a', to: 'b', ...expected })
  })

  it('numbers a second arrow between the same ends, and marks free ends', () => {
    const { edges } = board().block('a', 'client').arrow('a', null).arrow('a', null).arrow(null, 'a').graph()
    expect(edges.map((e) => e.id)).toEqual(['a->?', 'a->?#2', '?->a'])
  })

  it('rejects typos instead of building a board that tests nothing', () => {
    expect(() => board().block('db', 'sql-databse')).toThrow(/no catalog block/)
    expect(() => board().block('db', 'sql-database').arrow('app', 'db')).toThrow(/no block "app"/)
    expect(() => board().block('db', 'sql-database').block('db', 'cdn')).toThrow(/twice/)
  })

  it('without() drops blocks with their arrows; change() edits one; graph() is a snapshot', () => {
    const b = board().block('app', 'stateless-service').block('cache', 'distributed-cache').block('db', 'sql-database')
    b.arrow('app', 'cache').arrow('app', 'db')
    const before = b.graph()
    const after = b.without('cache').change('db', { annotation: 'RF=3' }).graph()
    expect(after.nodes.map((n) => [n.id, n.annotation])).toEqual([
      ['app', ''],
      ['db', 'RF=3'],
    ])
    expect(after.edges.map((e) => e.id)).toEqual(['app->db'])
    expect(before.nodes).toHaveLength(3)
    expect(before.nodes[2]?.annotation).toBe('')
  })
})
