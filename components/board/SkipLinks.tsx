'use client'

import type { MouseEvent } from 'react'
import styles from './board.module.css'

/** Where the board's skip links lead (the ids the header and the session panel carry). */
export const SKIP_TARGETS = { header: 'board-header', sessionPanel: 'session-panel' } as const

/**
 * The board page's first tab stops, shown only while focused: past the
 * pattern palette (some 45 stops of templates and blocks) to the header's
 * controls (clock, call, invite), or straight to the session panel, which a
 * keyboard user otherwise reaches after the palette, the header and tldraw's
 * own controls.
 */
export function SkipLinks({ sessionPanel }: { sessionPanel: boolean }) {
  return (
    <nav className={styles.skipLinks} aria-label="Skip links">
      <a href={`#${SKIP_TARGETS.header}`} onClick={focusTarget(SKIP_TARGETS.header)}>
        Skip to the board&apos;s controls
      </a>
      {sessionPanel && (
        <a href={`#${SKIP_TARGETS.sessionPanel}`} onClick={focusTarget(SKIP_TARGETS.sessionPanel)}>
          Skip to the session panel
        </a>
      )}
    </nav>
  )
}

/**
 * Moves focus to the target without following the link: the board's address
 * stays as it was (a `#…` left on it would ride along when the link is copied
 * to someone, and break paths built on it).
 */
function focusTarget(id: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(id)
    if (!target) return
    event.preventDefault()
    target.focus()
  }
}
