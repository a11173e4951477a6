import { BlockCard, TemplateCard } from '../blocks/BlockCard'
import type { PatternHit } from '@/lib/patterns/PatternSearch'
import styles from './palette.module.css'

/** The card shown beside the palette, `top` pixels below the palette's top edge. */
export interface Preview {
  hit: PatternHit
  top: number
}

/** The hovered, focused or keyboard-highlighted entry's card, floating just right of the palette. */
export function PalettePreview({ preview }: { preview: Preview | null }) {
  if (!preview) return null
  const { hit, top } = preview
  return (
    <div className={styles.preview} style={{ top: Math.max(8, Math.min(top, window.innerHeight - 360)) }}>
      {hit.type === 'block' ? <BlockCard entry={hit.entry} /> : <TemplateCard entry={hit.entry} />}
    </div>
  )
}
