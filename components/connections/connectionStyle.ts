import { toRichText, type Editor, type TLArrowShape, type TLShapeId } from 'tldraw'
import type { ConnectionMode, ConnectionProtocol } from '@/lib/patterns/protocols'

/**
 * What a connection between blocks means, kept in the arrow's `meta` so later
 * features (design review, problem checklists) can read it without parsing
 * the label. The label and the dash are how it looks.
 */
export interface ConnectionMeta {
  protocol?: ConnectionProtocol
  mode?: ConnectionMode
}

/** The text an arrow shows for a protocol and an optional note, e.g. "gRPC · on miss". */
export function connectionLabel(protocol: string | undefined, note?: string): string {
  return [protocol, note].filter(Boolean).join(' · ')
}

/** Arrow props and meta for a connection: async connections are drawn dashed. */
export function connectionArrowPatch(protocol: ConnectionProtocol | undefined, mode: ConnectionMode, note?: string) {
  return {
    // Protocol labels are names, not handwriting: the plain font reads better at small sizes.
    props: {
      richText: toRichText(connectionLabel(protocol, note)),
      dash: mode === 'async' ? 'dashed' : 'solid',
      font: 'sans',
      size: 's',
    },
    // tldraw's meta must be JSON: a missing protocol is left out, not undefined.
    meta: (protocol ? { protocol, mode } : { mode }) satisfies ConnectionMeta,
  } as const
}

/** Reads the connection meta of an arrow; empty for a plain arrow. */
export function readConnection(arrow: TLArrowShape): ConnectionMeta {
  const { protocol, mode } = arrow.meta as ConnectionMeta
  return { protocol, mode: mode ?? (arrow.props.dash === 'dashed' ? 'async' : undefined) }
}

/**
 * Sets the protocol (and with it the label) and/or the sync/async mode of
 * arrows, as one undo step.
 */
export function setConnection(
  editor: Editor,
  arrowIds: readonly TLShapeId[],
  change: { protocol?: ConnectionProtocol; mode?: ConnectionMode }
) {
  editor.markHistoryStoppingPoint('set connection')
  editor.run(() => {
    for (const id of arrowIds) {
      const arrow = editor.getShape<TLArrowShape>(id)
      if (!arrow || arrow.type !== 'arrow') continue
      const current = readConnection(arrow)
      const mode = change.mode ?? current.mode ?? 'sync'
      const patch = connectionArrowPatch(change.protocol ?? current.protocol, mode)
      editor.updateShape<TLArrowShape>({
        id,
        type: 'arrow',
        // A protocol label looks the same on a drawn arrow as on a template's: plain font, small.
        props: change.protocol
          ? { richText: patch.props.richText, dash: patch.props.dash, font: patch.props.font, size: patch.props.size }
          : { dash: patch.props.dash },
        meta: { ...arrow.meta, ...patch.meta },
      })
    }
  })
}
