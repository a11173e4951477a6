'use client'

import { useCollapsedPanel } from '../ui/useCollapsedPanel'
import sidePanel from '@/components/ui/panel.module.css'
import styles from './session.module.css'

/**
 * The session panel's empty frame, the size the panel will take (open or a
 * rail), shown until the panel arrives (it renders once the browser is idle,
 * from its own chunk), so the canvas and the header's controls (Join call,
 * People) do not move under the pointer when it does: a click aimed at them
 * would land where they were. On a narrow screen the open panel is a drawer
 * over the canvas, which reserves nothing, so neither does this.
 */
export function SessionSpace() {
  const [collapsed] = useCollapsedPanel(SESSION_COLLAPSED_KEY)
  return (
    <aside
      aria-hidden
      className={`${sidePanel.panel} ${styles.side} ${collapsed ? sidePanel.rail : `${styles.panel} ${styles.space}`}`}
      data-testid="session-loading"
    />
  )
}

/** Where the session panel remembers whether it is collapsed. */
export const SESSION_COLLAPSED_KEY = 'mockboard.session.collapsed'
