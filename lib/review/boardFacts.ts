import { getBlock } from '../patterns/catalog'
import type { BoardEdge, BoardGraph, BoardNode } from './boardGraph'

/** Blocks that hold state: losing the only copy loses data or stops the system. */
const STATEFUL_EXCLUDED = new Set([
  'bloom-filter',
  'counting-sketch',
  'merkle-tree',
  'trie',
  // Replicated by design ("11 nines"): nobody runs a single copy of S3 or GCS.
  'object-storage',
  // Analytical copies loaded from the OLTP stores and event streams, off the request path.
  'data-warehouse',
  'data-lake',
])
const STATEFUL_EXTRA = new Set(['distributed-cache', 'message-queue', 'kafka-log', 'redis-streams'])

/** Blocks that give a stateful block a second copy or a way to fail over. */
export const REDUNDANCY_KINDS = new Set([
  'replication',
  'read-replicas',
  'failover',
  'multi-region-dr',
  'quorum',
  'consensus',
])

/** Kinds that put a cache or an edge cache in front of reads. */
export const READ_CACHE_KINDS = new Set([
  'cdn',
  'origin-shield',
  'distributed-cache',
  'in-process-cache',
  'read-through-cache',
  'cache-aside',
  'semantic-cache',
])

/** Databases proper: where a read path ends. */
export const DATABASE_KINDS = new Set([
  'sql-database',
  'newsql-database',
  'key-value-store',
  'document-store',
  'wide-column-store',
  'graph-database',
  'time-series-db',
])

/** A count of two or more: "3", "12", "20K". */
const SEVERAL = String.raw`\b(?:[2-9]|\d{2,})\s*[km]?[\s-]*`

/**
 * Annotations that state redundancy: "3 replicas", "cluster", "multi-AZ",
 * "RF=3", "primary + standby", "active-passive", "12 brokers", "3× nodes".
 */
const REDUNDANCY_TEXT = new RegExp(
  String.raw`replica|replicat|cluster|\bha\b|fail-?over|standby|active-(?:active|passive)|multi-?az|multi-?region|quorum|raft|\brf\s*=?\s*(?:[2-9]|\d{2,})|` +
    String.raw`${SEVERAL}(?:×|x\b|(?:nodes?|copies|brokers|instances|azs|zones|regions)\b)`,
  'i'
)

/** Annotations that state more than one instance of a service: "3 instances", "20K servers", "auto-scaling". */
const INSTANCES_TEXT = new RegExp(
  String.raw`${SEVERAL}(?:×|x\b|(?:instances|replicas|pods|nodes|servers)\b)|auto-?scal|\bfleet\b|\bpool\b`,
  'i'
)

/** The name a finding uses for a block: its label, else its catalog name. */
export function nodeName(node: BoardNode): string {
  return node.label.trim() || getBlock(node.kind)?.name || node.kind
}

/** Whether a block holds state that a single copy would put at risk. */
export function isStateful(node: BoardNode): boolean {
  if (STATEFUL_EXCLUDED.has(node.kind)) return false
  return node.group === 'data-stores' || STATEFUL_EXTRA.has(node.kind)
}

/** Whether a block is a running service (the compute group). */
export function isService(node: BoardNode): boolean {
  return node.group === 'compute'
}

/** Whether the block's own label or number line states redundancy. */
export function statesRedundancy(node: BoardNode): boolean {
  return REDUNDANCY_TEXT.test(`${node.label} ${node.annotation}`)
}

/** Whether the block's number line states several instances. */
export function statesInstances(node: BoardNode): boolean {
  return INSTANCES_TEXT.test(`${node.label} ${node.annotation}`)
}

/** Lookups over a graph that several checks need. */
export class BoardFacts {
  private readonly byId: Map<string, BoardNode>

  constructor(readonly graph: BoardGraph) {
    this.byId = new Map(graph.nodes.map((n) => [n.id, n]))
  }

  node(id: string | null): BoardNode | undefined {
    return id ? this.byId.get(id) : undefined
  }

  /** Edges touching a block, in either direction. */
  edgesOf(id: string): BoardEdge[] {
    return this.graph.edges.filter((e) => e.from === id || e.to === id)
  }

  /** Blocks joined to `id` by an arrow, in either direction. */
  neighbours(id: string): BoardNode[] {
    return this.edgesOf(id)
      .map((e) => this.node(e.from === id ? e.to : e.from))
      .filter((n): n is BoardNode => !!n)
  }

  /** The blocks connected to `id` through any chain of arrows (its component), including itself. */
  component(id: string): BoardNode[] {
    const seen = new Set([id])
    const queue = [id]
    while (queue.length) {
      for (const next of this.neighbours(queue.shift()!)) {
        if (seen.has(next.id)) continue
        seen.add(next.id)
        queue.push(next.id)
      }
    }
    return [...seen].map((n) => this.byId.get(n)!).filter(Boolean)
  }
}
