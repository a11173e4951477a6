import { useCallback, type DragEvent } from 'react'
import type { Editor } from 'tldraw'
import { getBlock, getTemplate } from '@/lib/patterns/catalog'
import type { PatternHit } from '@/lib/patterns/PatternSearch'
import { insertPattern } from './insertPattern'

/** The drag-and-drop type of a palette tile; its data is `block:<id>` or `template:<id>`. */
export const PATTERN_DRAG_TYPE = 'application/x-mockboard-pattern'

/** The drag payload for a palette hit. */
export function encodePatternDrag(hit: PatternHit): string {
  return `${hit.type}:${hit.entry.id}`
}

/** Reads a drag payload back; null for anything that is not a known block or template. */
export function decodePatternDrag(data: string): PatternHit | null {
  const [type, id = ''] = data.split(':')
  if (type === 'block') {
    const entry = getBlock(id)
    return entry ? { type, entry } : null
  }
  if (type === 'template') {
    const entry = getTemplate(id)
    return entry ? { type, entry } : null
  }
  return null
}

/**
 * Handlers for the element wrapping the canvas: a palette tile dropped on it
 * lands where the pointer is. They run in the capture phase and stop there so
 * tldraw's own drop handling (files, URLs) never sees a palette drag.
 */
export function useCanvasPatternDrop(editor: Editor | null) {
  const isPatternDrag = (event: DragEvent) => event.dataTransfer.types.includes(PATTERN_DRAG_TYPE)
  const onDragOverCapture = useCallback((event: DragEvent) => {
    if (!isPatternDrag(event)) return
    event.preventDefault()
    event.stopPropagation()
    event.dataTransfer.dropEffect = 'copy'
  }, [])
  const onDropCapture = useCallback(
    (event: DragEvent) => {
      if (!isPatternDrag(event)) return
      event.preventDefault()
      event.stopPropagation()
      const hit = decodePatternDrag(event.dataTransfer.getData(PATTERN_DRAG_TYPE))
      if (!editor || !hit || editor.getIsReadonly()) return
      insertPattern(editor, hit, editor.screenToPage({ x: event.clientX, y: event.clientY }))
    },
    [editor]
  )
  return { onDragOverCapture, onDropCapture }
}
