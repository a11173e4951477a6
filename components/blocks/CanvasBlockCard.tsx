'use client'

import { useEffect, useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import type { TLBlockShape } from '@/lib/blocks/blockShape'
import { getBlock } from '@/lib/patterns/catalog'
import { BlockCard } from './BlockCard'

const CARD_WIDTH = 300
const GAP = 12
/** Hover must rest this long before a card appears, so sweeping the pointer across a board stays quiet. */
const HOVER_DELAY_MS = 450

/**
 * The card of the block under the pointer, or else of the only selected
 * block, floating beside it. Hidden while dragging or editing, and for kinds
 * this release does not know. Rendered in tldraw's `InFrontOfTheCanvas` slot.
 */
export function CanvasBlockCard() {
  const editor = useEditor()
  const target = useValue(
    'block card target',
    () => {
      if (!editor.isIn('select.idle') || editor.getEditingShapeId()) return null
      const hovered = editor.getHoveredShape()
      const selected = editor.getOnlySelectedShape()
      const shape = (
        hovered?.type === 'block' ? hovered : selected?.type === 'block' ? selected : null
      ) as TLBlockShape | null
      const bounds = shape && editor.getShapePageBounds(shape)
      if (!shape || !bounds) return null
      const right = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY })
      const left = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
      const viewport = editor.getViewportScreenBounds()
      const fitsRight = right.x + GAP + CARD_WIDTH < viewport.w
      return {
        id: shape.id,
        kind: shape.props.kind,
        isHover: hovered?.id === shape.id && selected?.id !== shape.id,
        x: fitsRight ? right.x + GAP : Math.max(GAP, left.x - GAP - CARD_WIDTH),
        y: Math.max(GAP, right.y),
      }
    },
    [editor]
  )
  const [shownHover, setShownHover] = useState<string | null>(null)
  useEffect(() => {
    if (!target?.isHover) return setShownHover(null)
    const timer = setTimeout(() => setShownHover(target.id), HOVER_DELAY_MS)
    return () => clearTimeout(timer)
  }, [target?.id, target?.isHover])

  const entry = target && getBlock(target.kind)
  if (!target || !entry || (target.isHover && shownHover !== target.id)) return null
  return (
    <div style={{ position: 'absolute', left: target.x, top: target.y, zIndex: 260, pointerEvents: 'none' }}>
      <BlockCard entry={entry} />
    </div>
  )
}
