import { BoardFacts, isService, nodeName } from '../boardFacts'
import type { Finding, ReviewCheck } from '../finding'
import { citeGuides } from '../citeGuides'

/** Work that is slow, bursty or fans out: it belongs behind a queue, off the request path. */
const SLOW_KINDS = new Set([
  'notification-service',
  'media-transcoder',
  'batch-processor',
  'fan-out-service',
  'data-warehouse',
  'data-lake',
  'webhook',
])

/** Fanning out to this many services synchronously from one service multiplies latency and failure. */
const SYNC_FAN_OUT = 3

/**
 * Slow or fan-out work done synchronously on the request path: a sync arrow
 * from a service into notification, transcoding, batch, fan-out or analytics
 * work (unless the caller is itself a queue consumer, fed only by async
 * arrows), or one service calling three or more services synchronously.
 */
export const syncSlowWork: ReviewCheck = ({ graph }) => {
  const facts = new BoardFacts(graph)
  const findings: Finding[] = []
  // A consumer fed only by async arrows (a queue's workers) is already off the request path.
  const offRequestPath = (id: string) => {
    const incoming = graph.edges.filter((e) => e.to === id && e.from !== id)
    return incoming.length > 0 && incoming.every((e) => e.mode === 'async')
  }
  for (const edge of graph.edges) {
    const from = facts.node(edge.from)
    const to = facts.node(edge.to)
    if (!from || !to || edge.mode !== 'sync' || !isService(from) || !SLOW_KINDS.has(to.kind)) continue
    if (offRequestPath(from.id)) continue
    findings.push({
      id: `sync-slow-work:${edge.id}`,
      check: 'sync-slow-work',
      severity: 'medium',
      title: `${nodeName(from)} waits on ${nodeName(to)}`,
      explanation:
        'Slow or fan-out work on the request path makes the user wait for it and fail with it. Publish an event to a queue or log and let workers do it asynchronously (draw the arrow dashed), with retries and a dead-letter queue. ' +
        citeGuides(
          { source: '001_49db91e9f3f145ef.txt', section: '5. Distributed Task Scheduler' },
          '002_166e20fca8cfff70.txt'
        ),
      shapeIds: [edge.id, from.id, to.id],
    })
  }
  for (const node of graph.nodes) {
    if (!isService(node)) continue
    const calls = graph.edges.filter((e) => {
      const callee = facts.node(e.to)
      return e.from === node.id && e.mode === 'sync' && !!callee && callee.id !== node.id && isService(callee)
    })
    // Count services, not arrows: two arrows to the same callee are one dependency.
    const callees = new Set(calls.map((c) => c.to)).size
    if (callees < SYNC_FAN_OUT) continue
    findings.push({
      id: `sync-fan-out:${node.id}`,
      check: 'sync-slow-work',
      severity: 'medium',
      title: `${nodeName(node)} calls ${callees} services synchronously`,
      explanation:
        'A synchronous fan-out adds up latencies and fails when any callee fails. Make the calls parallel with timeouts and fallbacks, or turn side effects into events on a queue. ' +
        citeGuides(
          { source: '001_49db91e9f3f145ef.txt', section: '5. Distributed Task Scheduler' },
          '004_883ce214cd1f0ecf.txt'
        ),
      shapeIds: [node.id, ...calls.map((c) => c.id)],
    })
  }
  return findings
}
