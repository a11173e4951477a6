import type { Editor, TLShapeId, VecLike } from 'tldraw'
import type { PatternHit } from '@/lib/patterns/PatternSearch'
import { insertBlock } from './insertBlock'
import { insertTemplate } from './insertTemplate'
import { contentInView, revealPlaced } from './placement'

/**
 * Places a palette hit (a block or a template) on the board; see
 * {@link insertBlock} and {@link insertTemplate}. With a drop point `at` it
 * lands there. Without one (Enter, a click on a tile) it goes to the free
 * space nearest the middle of the visible canvas, and the view then pans, or
 * zooms out, until all of it is in view (with what was in view before, when
 * that costs at most halving the zoom).
 *
 * @returns the ids of the created shapes.
 */
export function insertPattern(editor: Editor, hit: PatternHit, at?: VecLike): TLShapeId[] {
  const inView = at ? null : contentInView(editor)
  const ids = hit.type === 'block' ? [insertBlock(editor, hit.entry, at)] : insertTemplate(editor, hit.entry, at)
  if (!at) {
    const bounds = editor.getSelectionPageBounds()
    if (bounds) revealPlaced(editor, bounds, inView)
  }
  return ids
}
