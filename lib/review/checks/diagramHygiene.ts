import { BoardFacts, nodeName } from '../boardFacts'
import type { Finding, ReviewCheck } from '../finding'
import { citeGuides } from '../citeGuides'

const SEED = citeGuides(
  { source: '002_166e20fca8cfff70.txt', section: 'HLD Drawing Rules' },
  '000_660079a65f9868b6.txt'
)

/**
 * The diagram's own hygiene, one finding per kind of problem listing every
 * shape involved: unlabelled arrows, arrows with no protocol, arrows not
 * attached to blocks, blocks with no arrows, blocks with no label.
 */
export const diagramHygiene: ReviewCheck = ({ graph }) => {
  const facts = new BoardFacts(graph)
  const findings: Finding[] = []
  const add = (check: string, severity: Finding['severity'], ids: string[], title: string, advice: string) => {
    if (ids.length)
      findings.push({
        id: `${check}:${ids.join(',')}`,
        check,
        severity,
        title,
        explanation: `${advice} ${SEED}`,
        shapeIds: ids,
      })
  }
  const unlabelled = graph.edges.filter((e) => !e.label)
  add(
    'unlabelled-arrow',
    'medium',
    unlabelled.map((e) => e.id),
    unlabelled.length === 1 ? 'An arrow has no label' : `${unlabelled.length} arrows have no label`,
    'An unlabelled arrow leaves the reader guessing what flows and how. Select it and pick its protocol in the bar at the top.'
  )
  const noProtocol = graph.edges.filter((e) => e.label && !e.protocol)
  add(
    'arrow-without-protocol',
    'low',
    noProtocol.map((e) => e.id),
    noProtocol.length === 1 ? 'An arrow names no protocol' : `${noProtocol.length} arrows name no protocol`,
    'Saying HTTP, gRPC, Kafka or WebSocket on an arrow shows the choice was made, and sync versus async follows from it.'
  )
  const loose = graph.edges.filter((e) => !e.from || !e.to)
  add(
    'loose-arrow',
    'low',
    loose.map((e) => e.id),
    loose.length === 1
      ? 'An arrow is not attached to blocks at both ends'
      : `${loose.length} arrows are not attached at both ends`,
    'Drag its ends onto blocks so it follows them and the review can read it.'
  )
  const isolated = graph.nodes.length > 1 ? graph.nodes.filter((n) => facts.edgesOf(n.id).length === 0) : []
  add(
    'disconnected-block',
    'low',
    isolated.map((n) => n.id),
    isolated.length === 1
      ? `${nodeName(isolated[0]!)} is connected to nothing`
      : `${isolated.length} blocks are connected to nothing`,
    'A block with no arrows plays no part in any flow: connect it, or say why it is there.'
  )
  const unnamed = graph.nodes.filter((n) => !n.label.trim())
  add(
    'unlabelled-block',
    'low',
    unnamed.map((n) => n.id),
    unnamed.length === 1 ? 'A block has no label' : `${unnamed.length} blocks have no label`,
    'Name what this instance is ("Timeline service", "Orders DB"): kinds say what, labels say which.'
  )
  return findings
}
