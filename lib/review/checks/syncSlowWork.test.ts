import { describe, expect, it } from 'vitest'
import type { BoardGraph } from '../boardGraph'
import { board } from '../testBoards'
import { syncSlowWork } from './syncSlowWork'

/** A client calling an orders service, which calls whatever the case adds. */
const orders = () =>
  board()
    .block('client', 'client')
    .block('orders', 'stateless-service', { label: 'Orders' })
    .arrow('client', 'orders', { protocol: 'HTTP' })

/** Orders calling `n` other services synchronously over gRPC. */
const fanOut = (n: number) => {
  const b = orders()
  for (let i = 1; i <= n; i++) b.block(`s${i}`, 'stateless-service').arrow('orders', `s${i}`, { protocol: 'gRPC' })
  return b
}

describe('syncSlowWork', () => {
  it.each<[string, BoardGraph, string[][]]>([
    [
      'a sync arrow from a service to the notification service',
      orders().block('notify', 'notification-service').arrow('orders', 'notify', { protocol: 'HTTP' }).graph(),
      [['orders->notify', 'orders', 'notify']],
    ],
    [
      'transcoding on the upload request',
      orders().block('tx', 'media-transcoder').arrow('orders', 'tx', { protocol: 'gRPC' }).graph(),
      [['orders->tx', 'orders', 'tx']],
    ],
    [
      'a webhook called inline',
      orders().block('hook', 'webhook').arrow('orders', 'hook', { label: 'POST callback', mode: 'sync' }).graph(),
      [['orders->hook', 'orders', 'hook']],
    ],
    [
      'analytics written inline into the warehouse',
      orders().block('dw', 'data-warehouse').arrow('orders', 'dw', { protocol: 'SQL' }).graph(),
      [['orders->dw', 'orders', 'dw']],
    ],
    ['a service calling 3 services sync', fanOut(3).graph(), [['orders', 'orders->s1', 'orders->s2', 'orders->s3']]],
    [
      // Both rules at once: each slow callee, then the fan-out over all three (notify and tx are services too).
      'one service calling notification, transcoder and another service',
      fanOut(1)
        .block('notify', 'notification-service')
        .block('tx', 'media-transcoder')
        .arrow('orders', 'notify', { protocol: 'HTTP' })
        .arrow('orders', 'tx', { protocol: 'gRPC' })
        .graph(),
      [
        ['orders->notify', 'orders', 'notify'],
        ['orders->tx', 'orders', 'tx'],
        ['orders', 'orders->s1', 'orders->notify', 'orders->tx'],
      ],
    ],
  ])('fires: %s', (_, graph, expected) => {
    const findings = syncSlowWork({ graph, problem: null })
    for (const f of findings) expect([f.check, f.severity]).toEqual(['sync-slow-work', 'medium'])
    expect(findings.map((f) => f.shapeIds)).toEqual(expected)
  })

  it.each<[string, BoardGraph]>([
    [
      'a dashed (async) arrow to the notification service',
      orders()
        .block('notify', 'notification-service')
        .arrow('orders', 'notify', { label: 'order placed', mode: 'async' })
        .graph(),
    ],
    [
      'a Kafka arrow, async by its protocol',
      orders().block('notify', 'notification-service').arrow('orders', 'notify', { protocol: 'Kafka' }).graph(),
    ],
    [
      'through a queue: service → queue ⇢ notification',
      orders()
        .block('mq', 'message-queue')
        .block('notify', 'notification-service')
        .arrow('orders', 'mq', { protocol: 'AMQP' })
        .arrow('mq', 'notify', { protocol: 'AMQP' })
        .graph(),
    ],
    [
      // Regression: a queue's consumer calling the notifier is already off the request path.
      'a worker fed only by a queue calling the notifier sync',
      orders()
        .block('mq', 'message-queue')
        .block('workers', 'worker-pool')
        .block('notify', 'notification-service')
        .arrow('orders', 'mq', { protocol: 'AMQP' })
        .arrow('mq', 'workers', { protocol: 'AMQP' })
        .arrow('workers', 'notify', { protocol: 'HTTP' })
        .graph(),
    ],
    [
      'a client (not a service) calling the notifier',
      board()
        .block('client', 'client')
        .block('notify', 'notification-service')
        .arrow('client', 'notify', { protocol: 'HTTP' })
        .graph(),
    ],
    ['a service calling 2 services sync', fanOut(2).graph()],
    [
      '3 callees, one of them async',
      fanOut(2).block('s3', 'stateless-service').arrow('orders', 's3', { protocol: 'Kafka' }).graph(),
    ],
    [
      '3 sync callees, one of them a database (not a service)',
      fanOut(2).block('db', 'sql-database').arrow('orders', 'db', { protocol: 'SQL' }).graph(),
    ],
    [
      // Regression: arrows were counted, not services.
      'three arrows to the same two services',
      fanOut(2).arrow('orders', 's1', { label: 'gRPC · refund' }).graph(),
    ],
    ['a self-call does not count', fanOut(2).arrow('orders', 'orders', { label: 'gRPC · retry' }).graph()],
  ])('does not fire: %s', (_, graph) => {
    expect(syncSlowWork({ graph, problem: null })).toEqual([])
  })

  it('says how many services the fan-out calls', () => {
    const [finding] = syncSlowWork({ graph: fanOut(4).graph(), problem: null })
    expect(finding?.title).toBe('Orders calls 4 services synchronously')
  })
})
