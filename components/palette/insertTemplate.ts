import { createBindingId, createShapeId, type Editor, type TLArrowShape, type TLShapeId, type VecLike } from 'tldraw'
import { BLOCK_SIZE, type TLBlockShape } from '@/lib/blocks/blockShape'
import { getBlock } from '@/lib/patterns/catalog'
import type { TemplateEntry } from '@/lib/patterns/catalogSchema'
import { connectionArrowPatch } from '../connections/connectionStyle'
import { groupColor } from './insertBlock'
import { findPlacement } from './placement'

/** The size of a template's blocks together, in page units. */
export function templateSize(template: TemplateEntry): { w: number; h: number } {
  return {
    w: Math.max(...template.blocks.map((b) => b.x)) + BLOCK_SIZE.w,
    h: Math.max(...template.blocks.map((b) => b.y)) + BLOCK_SIZE.h,
  }
}

/**
 * Inserts a template's blocks and its labelled arrows, bound to the blocks so
 * they follow when blocks move, centred on `at` (by default the free space
 * nearest the middle of the visible canvas, see {@link findPlacement}). Everything lands in one history step: one undo removes it all.
 * The new shapes are selected so the group can be moved at once.
 *
 * @returns the ids of the created blocks and arrows.
 */
export function insertTemplate(editor: Editor, template: TemplateEntry, at?: VecLike): TLShapeId[] {
  const { w: width, h: height } = templateSize(template)
  const center = at ?? findPlacement(editor, templateSize(template))
  const origin = { x: center.x - width / 2, y: center.y - height / 2 }
  const blockIds = new Map(template.blocks.map((b) => [b.key, createShapeId()]))
  const created: TLShapeId[] = []

  editor.markHistoryStoppingPoint(`insert template ${template.id}`)
  editor.run(() => {
    for (const block of template.blocks) {
      const entry = getBlock(block.kind)
      if (!entry) throw new Error(`template ${template.id} names unknown block ${block.kind}`)
      const id = blockIds.get(block.key)!
      editor.createShape<TLBlockShape>({
        id,
        type: 'block',
        x: origin.x + block.x,
        y: origin.y + block.y,
        props: {
          ...BLOCK_SIZE,
          kind: entry.id,
          label: block.label ?? entry.name,
          annotation: block.annotation ?? '',
          color: groupColor(entry),
        },
      })
      created.push(id)
    }
    for (const link of template.connections) {
      const from = template.blocks.find((b) => b.key === link.from)!
      const to = template.blocks.find((b) => b.key === link.to)!
      const arrowId = createShapeId()
      const start = { x: origin.x + from.x + BLOCK_SIZE.w / 2, y: origin.y + from.y + BLOCK_SIZE.h / 2 }
      const end = { x: origin.x + to.x + BLOCK_SIZE.w / 2, y: origin.y + to.y + BLOCK_SIZE.h / 2 }
      const look = connectionArrowPatch(link.protocol, link.mode, link.note)
      editor.createShape<TLArrowShape>({
        id: arrowId,
        type: 'arrow',
        x: start.x,
        y: start.y,
        props: { ...look.props, start: { x: 0, y: 0 }, end: { x: end.x - start.x, y: end.y - start.y } },
        meta: { ...look.meta },
      })
      editor.createBindings(
        (['start', 'end'] as const).map((terminal) => ({
          id: createBindingId(),
          type: 'arrow' as const,
          fromId: arrowId,
          toId: blockIds.get(terminal === 'start' ? link.from : link.to)!,
          props: {
            terminal,
            normalizedAnchor: { x: 0.5, y: 0.5 },
            isExact: false,
            isPrecise: false,
            snap: 'none' as const,
          },
        }))
      )
      created.push(arrowId)
    }
  })
  editor.select(...created)
  return created
}
