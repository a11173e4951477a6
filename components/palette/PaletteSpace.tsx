'use client'

import { useCollapsedPalette } from './paletteState'
import sidePanel from '@/components/ui/panel.module.css'
import styles from './palette.module.css'

/**
 * The palette's empty frame, the size the palette will take (open or a rail),
 * shown while its code loads, so the canvas does not move under the pointer
 * when the palette arrives.
 */
export function PaletteSpace() {
  const [collapsed] = useCollapsedPalette()
  return (
    <aside
      aria-hidden
      className={`${sidePanel.panel} ${styles.side} ${collapsed ? sidePanel.rail : styles.palette}`}
      data-testid="palette-loading"
    />
  )
}
