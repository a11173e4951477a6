'use client'

import type { DragEvent, FocusEvent, MouseEvent } from 'react'
import { blockIcons } from '@/lib/patterns/icons'
import type { PatternHit } from '@/lib/patterns/PatternSearch'
import { encodePatternDrag, PATTERN_DRAG_TYPE } from './paletteDrag'
import styles from './palette.module.css'

/** Props of {@link PaletteTile}. */
export interface PaletteTileProps {
  hit: PatternHit
  /** Highlighted by the keyboard in search results. */
  active?: boolean
  onInsert: (hit: PatternHit) => void
  /** Called with the tile's element when it is hovered or focused, and with null when left. */
  onPreview: (hit: PatternHit | null, element?: HTMLElement) => void
}

/**
 * One palette entry. Click (or Enter/Space when focused) places it in the
 * middle of the view; dragging it onto the canvas places it where it drops.
 */
export function PaletteTile({ hit, active, onInsert, onPreview }: PaletteTileProps) {
  const Icon = hit.type === 'block' ? blockIcons[hit.entry.icon] : blockIcons.LayoutTemplate
  const show = (event: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>) => onPreview(hit, event.currentTarget)
  const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
    onPreview(null)
    event.dataTransfer.setData(PATTERN_DRAG_TYPE, encodePatternDrag(hit))
    event.dataTransfer.effectAllowed = 'copy'
  }
  return (
    <button
      type="button"
      className={styles.tile}
      data-active={active || undefined}
      data-testid={`palette-${hit.type}-${hit.entry.id}`}
      draggable
      onDragStart={onDragStart}
      onClick={() => onInsert(hit)}
      onMouseEnter={show}
      onMouseLeave={() => onPreview(null)}
      onFocus={show}
      onBlur={() => onPreview(null)}
    >
      <Icon size={18} aria-hidden className={styles.tileIcon} />
      <span className={styles.tileName}>{hit.entry.name}</span>
    </button>
  )
}
