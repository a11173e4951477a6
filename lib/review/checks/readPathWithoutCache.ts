import { BoardFacts, DATABASE_KINDS, READ_CACHE_KINDS, nodeName } from '../boardFacts'
import type { BoardNode } from '../boardGraph'
import type { Finding, ReviewCheck } from '../finding'
import { citeGuides } from '../citeGuides'

/** Problem text that marks it read-heavy: "read-heavy", "reads (far|vastly) outnumber", "reads about 100× writes". */
const READ_HEAVY =
  /read[- ]heavy|\breads?\s+(?:\w+\s+)?outnumber|\breads?\s+(?:about\s+|roughly\s+|~\s*)?\d+\s*(?:x|×)/i
/** A stated ratio, in either order: "read:write 100:1", "write:read 1:100". */
const RATIO = /\b(read|write)s?\s*:\s*(?:read|write)s?\b\D{0,20}?(\d[\d,]*)\s*:\s*(\d[\d,]*)/i
/** A read rate ("500M feed reads/day") and a write rate ("40 writes/s", "10K score updates/s"). */
const READ_RATE = /\breads?\s*\/\s*(?:s|sec|second|min|minute|h|hour|day|month)\b/i
const WRITE_RATE = /\b(?:writes?|updates?|uploads?|increments?)\s*\/\s*(?:s|sec|second|min|minute|h|hour|day|month)\b/i
/** Edge caches: they cover reads only for what sits behind them. */
const EDGE_CACHE_KINDS = new Set(['cdn', 'origin-shield'])
/** The seeds' trigger for cache-aside + read replicas: read:write above 5:1 (§1.11.b pattern 01). */
const READS_PER_WRITE = 5

/**
 * Whether the session's problem is read-heavy, from its prompt, requirements
 * and scale: a stated read:write ratio (in either order) above 5:1 decides;
 * otherwise it says so ("read-heavy", "reads far outnumber writes"), or it
 * gives a read rate and no write rate ("500M feed reads/day").
 */
export function isReadHeavy(
  problem: { prompt: string; nonFunctional: readonly string[]; scale: readonly string[] } | null
): boolean {
  if (!problem) return false
  const text = [problem.prompt, ...problem.nonFunctional, ...problem.scale].join('\n')
  const ratio = RATIO.exec(text)
  if (ratio) {
    const [first, second] = [Number(ratio[2]!.replace(/,/g, '')), Number(ratio[3]!.replace(/,/g, ''))]
    const readsPerWrite = ratio[1]!.toLowerCase() === 'read' ? first / second : second / first
    // A stated ratio is the strongest signal: it decides either way.
    return readsPerWrite > READS_PER_WRITE
  }
  return READ_HEAVY.test(text) || (READ_RATE.test(text) && !WRITE_RATE.test(text))
}

/**
 * On a read-heavy problem: clients reach a database through the diagram
 * with no cache and no CDN anywhere on that path's part of the board (the
 * client's connected component). A CDN in front of object storage alone
 * does not count: it serves media, not the reads that reach the database.
 * One finding per such component.
 */
export const readPathWithoutCache: ReviewCheck = ({ graph, problem }) => {
  if (!isReadHeavy(problem)) return []
  const facts = new BoardFacts(graph)
  const findings: Finding[] = []
  const seen = new Set<string>()
  // A CDN whose only origin is object storage serves media; the API reads behind it still reach the database.
  const mediaOnly = (node: BoardNode) => {
    if (!EDGE_CACHE_KINDS.has(node.kind)) return false
    const behind = facts.neighbours(node.id).filter((n) => n.kind !== 'client')
    return behind.length > 0 && behind.every((n) => n.kind === 'object-storage' || EDGE_CACHE_KINDS.has(n.kind))
  }
  for (const client of graph.nodes.filter((n) => n.kind === 'client')) {
    if (seen.has(client.id)) continue
    const reachable = facts.component(client.id)
    reachable.forEach((n) => seen.add(n.id))
    const clients = reachable.filter((n) => n.kind === 'client')
    const databases = reachable.filter((n) => DATABASE_KINDS.has(n.kind))
    if (!databases.length || reachable.some((n) => READ_CACHE_KINDS.has(n.kind) && !mediaOnly(n))) continue
    findings.push(finding(clients, databases))
  }
  return findings
}

function finding(clients: BoardNode[], databases: BoardNode[]): Finding {
  return {
    id: `read-path-without-cache:${databases.map((d) => d.id).join(',')}`,
    check: 'read-path-without-cache',
    severity: 'high',
    title: `Every read goes to ${databases.map(nodeName).join(' and ')}: no cache or CDN on a read-heavy path`,
    explanation:
      'The problem is read-heavy, and reads go from the client all the way to the database. Put a cache in front (cache-aside with a TTL is the usual first answer), read replicas behind it, and a CDN for static or public content. ' +
      citeGuides('002_166e20fca8cfff70.txt', { source: '001_49db91e9f3f145ef.txt', section: '2.4 Distributed Cache' }),
    shapeIds: [...clients.map((c) => c.id), ...databases.map((d) => d.id)],
  }
}
