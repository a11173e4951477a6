import { useLayoutEffect, useRef } from 'react'
import { BlockCard, TemplateCard } from '../blocks/BlockCard'
import type { PatternHit } from '@/lib/patterns/PatternSearch'
import styles from './palette.module.css'

/** The card shown beside the palette, `top` pixels below the palette's top edge. */
export interface Preview {
  hit: PatternHit
  top: number
}

/** Space kept between the card and the window's edges. */
const MARGIN = 8

/**
 * The hovered, focused or keyboard-highlighted entry's card, floating just
 * right of the palette. It shows whole (it is not a scroll box: it takes no
 * pointer events and no focus), moved up as far as needed to end inside the
 * window.
 */
export function PalettePreview({ preview }: { preview: Preview | null }) {
  const box = useRef<HTMLDivElement>(null)
  const top = preview ? Math.max(MARGIN, Math.min(preview.top, window.innerHeight - 360)) : 0
  useLayoutEffect(() => {
    const element = box.current
    if (!element) return
    element.style.top = `${top}px`
    const rect = element.getBoundingClientRect()
    const below = rect.bottom - (window.innerHeight - MARGIN)
    // Up by what hangs below the window, but never past its top edge.
    if (below > 0) element.style.top = `${top - Math.min(below, Math.max(0, rect.top - MARGIN))}px`
  })
  if (!preview) return null
  const { hit } = preview
  return (
    <div ref={box} className={styles.preview} style={{ top }}>
      {hit.type === 'block' ? <BlockCard entry={hit.entry} /> : <TemplateCard entry={hit.entry} />}
    </div>
  )
}
