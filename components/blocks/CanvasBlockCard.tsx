'use client'

import { useEffect, useState } from 'react'
import { useEditor, useValue, type Editor, type TLShapeId } from 'tldraw'
import type { TLBlockShape } from '@/lib/blocks/blockShape'
import { getBlock } from '@/lib/patterns/catalog'
import { BlockCard } from './BlockCard'
import { useBlockCardShortcut } from './useBlockCardShortcut'

const CARD_WIDTH = 300
const GAP = 12
/** Hover must rest this long before a card appears, so sweeping the pointer across a board stays quiet. */
const HOVER_DELAY_MS = 450

/**
 * A block's card, floating beside it, only when asked for: after the pointer
 * rests on the block, or pinned with **I** (toggles the card of the one
 * selected block; it goes when the selection changes). Selecting a block
 * alone never opens it, so the card does not sit over the canvas and the
 * toolbar while you work. Hidden while dragging or editing, and for kinds
 * this release does not know. Rendered in tldraw's `InFrontOfTheCanvas` slot.
 */
export function CanvasBlockCard() {
  const editor = useEditor()
  const idle = useValue('block card idle', () => editor.isIn('select.idle') && !editor.getEditingShapeId(), [editor])
  const hovered = useValue('hovered block', () => blockId(editor.getHoveredShape()), [editor])
  const selected = useValue('only selected block', () => blockId(editor.getOnlySelectedShape()), [editor])

  const [pinned, setPinned] = useState<TLShapeId | null>(null)
  // A pinned card belongs to one selection: selecting anything else unpins it.
  const [pinnedSelection, setPinnedSelection] = useState(selected)
  if (pinnedSelection !== selected) {
    setPinnedSelection(selected)
    setPinned(null)
  }
  useBlockCardShortcut(() => setPinned((current) => (current === selected ? null : selected)))

  const [rested, setRested] = useState<TLShapeId | null>(null)
  useEffect(() => {
    if (!hovered) return
    const timer = setTimeout(() => setRested(hovered), HOVER_DELAY_MS)
    return () => {
      clearTimeout(timer)
      setRested(null)
    }
  }, [hovered])

  const shownId = !idle ? null : pinned && pinned === selected ? pinned : hovered && rested === hovered ? hovered : null
  const target = useValue('block card target', () => (shownId ? cardPlacement(editor, shownId) : null), [
    editor,
    shownId,
  ])
  const entry = target && getBlock(target.kind)
  if (!target || !entry) return null
  return (
    <div style={{ position: 'absolute', left: target.x, top: target.y, zIndex: 260, pointerEvents: 'none' }}>
      <BlockCard entry={entry} />
    </div>
  )
}

function blockId(shape: { id: TLShapeId; type: string } | null | undefined): TLShapeId | null {
  return shape?.type === 'block' ? shape.id : null
}

/** Where the card of block `id` goes: right of the block if it fits in the viewport, else left of it. */
function cardPlacement(editor: Editor, id: TLShapeId) {
  const shape = editor.getShape<TLBlockShape>(id)
  const bounds = shape && editor.getShapePageBounds(shape)
  if (!shape || !bounds) return null
  const right = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY })
  const left = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
  const viewport = editor.getViewportScreenBounds()
  const fitsRight = right.x + GAP + CARD_WIDTH < viewport.w
  return {
    kind: shape.props.kind,
    x: fitsRight ? right.x + GAP : Math.max(GAP, left.x - GAP - CARD_WIDTH),
    y: Math.max(GAP, right.y),
  }
}
