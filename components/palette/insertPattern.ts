import type { Editor, VecLike } from 'tldraw'
import type { PatternHit } from '@/lib/patterns/PatternSearch'
import { insertBlock } from './insertBlock'
import { insertTemplate } from './insertTemplate'

/** Places a palette hit (a block or a template) on the board; see {@link insertBlock} and {@link insertTemplate}. */
export function insertPattern(editor: Editor, hit: PatternHit, at?: VecLike) {
  if (hit.type === 'block') insertBlock(editor, hit.entry, at)
  else insertTemplate(editor, hit.entry, at)
}
