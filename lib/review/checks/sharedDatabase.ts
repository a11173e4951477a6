import { BoardFacts, DATABASE_KINDS, isService, nodeName } from '../boardFacts'
import type { Finding, ReviewCheck } from '../finding'
import { citeGuides } from '../citeGuides'

/** Arrow text that says the access reads. */
const READS = /\bread|query|replica|select\b/i
/** Arrow text that says it also writes: "read/write", "reads + commits". */
const WRITES = /\bwrit|insert|updat|upsert|delet|\bput\b|commit|append/i
/** Whether an arrow's text says the access only reads. */
const readOnly = (label: string) => READS.test(label) && !WRITES.test(label)

/**
 * A database written by several services: the shared-database smell, where
 * schemas couple services and nobody owns the data.
 */
export const sharedDatabase: ReviewCheck = ({ graph }) => {
  const facts = new BoardFacts(graph)
  const findings: Finding[] = []
  for (const db of graph.nodes.filter((n) => DATABASE_KINDS.has(n.kind))) {
    const writers = facts.edgesOf(db.id).filter((e) => {
      const writer = facts.node(e.from)
      return e.to === db.id && !!writer && isService(writer) && !readOnly(e.label)
    })
    const services = [...new Set(writers.map((e) => e.from!))]
    if (services.length < 2) continue
    findings.push({
      id: `shared-database:${db.id}`,
      check: 'shared-database',
      severity: 'medium',
      title: `${nodeName(db)} is written by ${services.length} services`,
      explanation:
        'Several services writing one database couple their schemas and deploys, and nobody owns the data. Give each service its own store, or one owner with an API, and share changes as events (outbox + CDC). ' +
        citeGuides('001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'),
      shapeIds: [db.id, ...services, ...writers.map((e) => e.id)],
    })
  }
  return findings
}
