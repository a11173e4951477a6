import { createShapeId, type Editor, type TLShapeId, type VecLike } from 'tldraw'
import { BLOCK_SIZE, type TLBlockShape } from '@/lib/blocks/blockShape'
import type { BlockEntry } from '@/lib/patterns/catalogSchema'
import { patternGroups } from '@/lib/patterns/groups'
import { findPlacement } from './placement'

/** The colour a new block of `entry`'s group gets. */
export function groupColor(entry: BlockEntry) {
  return patternGroups.find((group) => group.id === entry.group)?.color ?? 'black'
}

/**
 * Places one block on the current page, centred on `at` (page coordinates;
 * by default the free space nearest the middle of the visible canvas, see
 * {@link findPlacement}), selects it, and returns its id. One undo step. A
 * block dropped exactly on another goes below it instead, so it never hides
 * one.
 */
export function insertBlock(editor: Editor, entry: BlockEntry, at?: VecLike): TLShapeId {
  const center = at ?? findPlacement(editor, BLOCK_SIZE)
  const x = center.x - BLOCK_SIZE.w / 2
  let y = center.y - BLOCK_SIZE.h / 2
  const taken = (px: number, py: number) =>
    editor
      .getCurrentPageShapes()
      .some((shape) => shape.type === 'block' && Math.abs(shape.x - px) < 4 && Math.abs(shape.y - py) < 4)
  // Stack below instead, so every block of a burst of clicks stays readable.
  while (taken(x, y)) y += BLOCK_SIZE.h + 24
  const id = createShapeId()
  editor.markHistoryStoppingPoint(`insert ${entry.id}`)
  editor.createShape<TLBlockShape>({
    id,
    type: 'block',
    x,
    y,
    props: { ...BLOCK_SIZE, kind: entry.id, label: entry.name, annotation: '', color: groupColor(entry) },
  })
  editor.select(id)
  return id
}
