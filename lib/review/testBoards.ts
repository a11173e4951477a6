import { getBlock } from '../patterns/catalog'
import { connectionProtocols, type ConnectionMode } from '../patterns/protocols'
import type { BoardEdge, BoardGraph, BoardNode } from './boardGraph'

/** What a test may set on a block; the rest comes from the catalog. */
export interface BlockOptions {
  /** Defaults to the catalog name, as a block fresh from the palette has. */
  label?: string
  /** The number line; empty by default. */
  annotation?: string
}

/** What a test may set on an arrow. */
export interface ArrowOptions {
  /** Defaults to `<from>-><to>`, with `#2`, `#3`… for a second arrow between the same ends. */
  id?: string
  /** The arrow's text. Defaults to the protocol, else empty. */
  label?: string
  /** Defaults to the protocol the label starts with ("SQL · writes" → SQL), as the board reads it. */
  protocol?: string | null
  /** Defaults to the protocol's own mode (Kafka → async), else sync. */
  mode?: ConnectionMode
}

const PROTOCOLS = new Map<string, { id: string; mode: ConnectionMode }>(
  connectionProtocols.map((p) => [p.id.toLowerCase(), p])
)

/**
 * Builds a {@link BoardGraph} for tests, the way `extractBoardGraph` would
 * read the same board. Unknown kinds and arrows to undeclared blocks throw,
 * so a typo cannot make a case pass by accident; `null` is a free arrow end.
 *
 * @example
 * ```ts
 * const graph = board()
 *   .block('client', 'client')
 *   .block('lb', 'load-balancer', { annotation: 'L7' })
 *   .arrow('client', 'lb', { protocol: 'HTTP' }) // id 'client->lb', label 'HTTP', sync
 *   .graph()
 * ```
 */
export class BoardBuilder {
  private nodes: BoardNode[] = []
  private edges: BoardEdge[] = []

  /** Adds a block of catalog kind `kind`, with shape id `id`. */
  block(id: string, kind: string, options: BlockOptions = {}): this {
    const entry = getBlock(kind)
    if (!entry) throw new Error(`testBoards: no catalog block "${kind}"`)
    if (this.nodes.some((n) => n.id === id)) throw new Error(`testBoards: block "${id}" declared twice`)
    this.nodes.push({
      id,
      kind,
      group: entry.group,
      label: options.label ?? entry.name,
      annotation: options.annotation ?? '',
    })
    return this
  }

  /** Adds an arrow from block `from` to block `to` (`null`: that end is not attached to a block). */
  arrow(from: string | null, to: string | null, options: ArrowOptions = {}): this {
    for (const end of [from, to]) {
      if (end !== null && !this.nodes.some((n) => n.id === end)) throw new Error(`testBoards: no block "${end}"`)
    }
    const label = options.label ?? options.protocol ?? ''
    const named = PROTOCOLS.get(label.split(' · ')[0]!.trim().toLowerCase())
    const protocol = options.protocol !== undefined ? options.protocol : (named?.id ?? null)
    const base = options.id ?? `${from ?? '?'}->${to ?? '?'}`
    let id = base
    for (let n = 2; this.edges.some((e) => e.id === id); n++) id = `${base}#${n}`
    const mode = options.mode ?? PROTOCOLS.get(protocol?.toLowerCase() ?? '')?.mode ?? 'sync'
    this.edges.push({ id, from, to, label, protocol, mode })
    return this
  }

  /** Changes a declared block's label or number line: "the same board, without the replicas annotation". */
  change(id: string, options: BlockOptions): this {
    const node = this.nodes.find((n) => n.id === id)
    if (!node) throw new Error(`testBoards: no block "${id}"`)
    Object.assign(node, options)
    return this
  }

  /** Removes blocks and every arrow touching them: "the same board, without the cache". */
  without(...ids: string[]): this {
    for (const id of ids) if (!this.nodes.some((n) => n.id === id)) throw new Error(`testBoards: no block "${id}"`)
    this.nodes = this.nodes.filter((n) => !ids.includes(n.id))
    this.edges = this.edges.filter((e) => !ids.includes(e.from ?? '') && !ids.includes(e.to ?? ''))
    return this
  }

  /** The graph as built so far (a copy: later calls do not change it). */
  graph(): BoardGraph {
    return { nodes: this.nodes.map((n) => ({ ...n })), edges: this.edges.map((e) => ({ ...e })) }
  }
}

/** Starts an empty test board. */
export function board(): BoardBuilder {
  return new BoardBuilder()
}
