import type { TLArrowBinding, TLArrowShape, TLRecord, TLShape } from '@tldraw/tlschema'
import type { TLBlockShape } from '../blocks/blockShape'
import { getBlock } from '../patterns/catalog'
import type { PatternGroupId } from '../patterns/groups'
import { connectionProtocols, type ConnectionMode } from '../patterns/protocols'

/** A block on the board, as the review and the checklist see it. */
export interface BoardNode {
  /** The shape id. */
  id: string
  /** Catalog id, e.g. `load-balancer`. */
  kind: string
  /** The catalog group, or null for a kind this release does not know. */
  group: PatternGroupId | null
  label: string
  annotation: string
}

/** An arrow, with the blocks its ends are bound to (null when an end is free or on a non-block shape). */
export interface BoardEdge {
  id: string
  from: string | null
  to: string | null
  /** The arrow's text. */
  label: string
  /** From the arrow's meta, or a label that names a known protocol. */
  protocol: string | null
  mode: ConnectionMode
}

/** The board read as a graph: typed blocks as nodes, arrows as edges. */
export interface BoardGraph {
  nodes: BoardNode[]
  edges: BoardEdge[]
}

const PROTOCOL_NAMES = new Map(connectionProtocols.map((p) => [p.id.toLowerCase(), p.id]))

/** Plain text of a tldraw rich-text document. */
function plainText(richText: unknown): string {
  const parts: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const { text, content } = node as { text?: unknown; content?: unknown }
    if (typeof text === 'string') parts.push(text)
    if (Array.isArray(content)) {
      content.forEach(walk)
      parts.push(' ')
    }
  }
  walk(richText)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/**
 * Reads the blocks and arrows of one page from tldraw records (a store's
 * records, or a snapshot's). Arrow ends come from their bindings, so an
 * arrow counts as connected only when it is really attached to a block.
 * Shared by the design review and the checklist ticks.
 *
 * @example
 * ```ts
 * const graph = extractBoardGraph(editor.store.allRecords(), editor.getCurrentPageId())
 * graph.nodes.filter((n) => n.kind === 'load-balancer')
 * ```
 */
export function extractBoardGraph(records: Iterable<TLRecord>, pageId?: string): BoardGraph {
  const shapes = new Map<string, TLShape>()
  const bindings: TLArrowBinding[] = []
  for (const record of records) {
    if (record.typeName === 'shape') shapes.set(record.id, record)
    else if (record.typeName === 'binding' && record.type === 'arrow') bindings.push(record as TLArrowBinding)
  }
  const onPage = (shape: TLShape) => {
    if (!pageId) return true
    // Shapes inside frames or groups have the container as parent: walk up to the page.
    let parent: string = shape.parentId
    for (let hops = 0; hops < 50 && !parent.startsWith('page:'); hops++) parent = shapes.get(parent)?.parentId ?? ''
    return parent === pageId
  }
  const nodes: BoardNode[] = []
  for (const shape of shapes.values()) {
    if (shape.type !== 'block' || !onPage(shape)) continue
    const { kind, label, annotation } = (shape as TLBlockShape).props
    nodes.push({ id: shape.id, kind, group: getBlock(kind)?.group ?? null, label, annotation })
  }
  const isNode = new Set(nodes.map((n) => n.id))
  const edges: BoardEdge[] = []
  for (const shape of shapes.values()) {
    if (shape.type !== 'arrow' || !onPage(shape)) continue
    const arrow = shape as TLArrowShape
    const end = (terminal: 'start' | 'end') => {
      const binding = bindings.find((b) => b.fromId === arrow.id && b.props.terminal === terminal)
      return binding && isNode.has(binding.toId) ? binding.toId : null
    }
    const label = plainText(arrow.props.richText)
    const meta = arrow.meta as { protocol?: unknown; mode?: unknown }
    const named = PROTOCOL_NAMES.get(label.split(' · ')[0]!.trim().toLowerCase()) ?? null
    edges.push({
      id: arrow.id,
      from: end('start'),
      to: end('end'),
      label,
      protocol: typeof meta.protocol === 'string' ? meta.protocol : named,
      mode: meta.mode === 'async' || (meta.mode === undefined && arrow.props.dash === 'dashed') ? 'async' : 'sync',
    })
  }
  return { nodes, edges }
}

/** The block kinds present in a graph. */
export function kindsOnBoard(graph: BoardGraph): Set<string> {
  return new Set(graph.nodes.map((n) => n.kind))
}
