'use client'

import { useValue, type Editor, type TLRecord } from 'tldraw'
import { extractBoardGraph, type BoardGraph } from '@/lib/review/boardGraph'

const EMPTY: BoardGraph = { nodes: [], edges: [] }

/**
 * The current page read as a graph (typed blocks, arrows and what they are
 * bound to), recomputed whenever a shape or binding on it changes.
 */
export function useBoardGraph(editor: Editor | null): BoardGraph {
  return useValue(
    'board graph',
    () => {
      if (!editor) return EMPTY
      const shapes = editor.getCurrentPageShapes()
      const records: TLRecord[] = [...shapes]
      for (const shape of shapes)
        if (shape.type === 'arrow') records.push(...editor.getBindingsFromShape(shape, 'arrow'))
      return extractBoardGraph(records)
    },
    [editor]
  )
}
