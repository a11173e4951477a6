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
  /**
   * Set for a search result: the tile is then the listbox's option itself (with this id), not a button inside one.
   * The search box keeps focus and picks it with the arrows (`aria-activedescendant`); a click still places it.
   */
  optionId?: string
  onInsert: (hit: PatternHit) => void
  /** Called with the tile's element when it is hovered or focused, and with null when left. */
  onPreview: (hit: PatternHit | null, element?: HTMLElement) => void
}

/**
 * One palette entry. Click (or Enter/Space when focused) places it in the
 * middle of the view; dragging it onto the canvas places it where it drops.
 * In search results it is an option of the results listbox (no focusable
 * element nested in it): Enter in the search box places the highlighted one.
 */
export function PaletteTile({ hit, active, optionId, onInsert, onPreview }: PaletteTileProps) {
  const Icon = hit.type === 'block' ? blockIcons[hit.entry.icon] : blockIcons.LayoutTemplate
  const show = (event: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>) => onPreview(hit, event.currentTarget)
  const onDragStart = (event: DragEvent<HTMLElement>) => {
    onPreview(null)
    event.dataTransfer.setData(PATTERN_DRAG_TYPE, encodePatternDrag(hit))
    event.dataTransfer.effectAllowed = 'copy'
  }
  const shared = {
    className: styles.tile,
    'data-active': active || undefined,
    'data-testid': `palette-${hit.type}-${hit.entry.id}`,
    draggable: true,
    onDragStart,
    onClick: () => onInsert(hit),
    onMouseEnter: show,
    onMouseLeave: () => onPreview(null),
  }
  const content = (
    <>
      <Icon size={18} aria-hidden className={styles.tileIcon} />
      <span className={styles.tileName}>{hit.entry.name}</span>
    </>
  )
  if (optionId !== undefined) {
    return (
      <li {...shared} id={optionId} role="option" aria-selected={Boolean(active)}>
        {content}
      </li>
    )
  }
  return (
    <button type="button" {...shared} onFocus={show} onBlur={() => onPreview(null)}>
      {content}
    </button>
  )
}
