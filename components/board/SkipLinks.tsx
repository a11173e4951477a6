'use client'

import { useEffect, useRef, useState, type MouseEvent, type RefObject } from 'react'
import styles from './board.module.css'

/** Where the board's skip links lead (the ids the header and the session panel carry). */
export const SKIP_TARGETS = { header: 'board-header', sessionPanel: 'session-panel' } as const

/**
 * The board page's first tab stops, shown only while focused: past the
 * pattern palette (some 45 stops of templates and blocks) to the header's
 * controls (clock, call, invite), or straight to the session panel, which a
 * keyboard user otherwise reaches after the palette, the header and tldraw's
 * own controls. The session panel's link shows only once the panel is on the
 * page: it loads after the board (from its own chunk), and a link to an
 * element that is not there yet leads nowhere.
 */
export function SkipLinks({ sessionPanel }: { sessionPanel: boolean }) {
  const nav = useRef<HTMLElement>(null)
  const panelPresent = useTargetPresent(nav, sessionPanel ? SKIP_TARGETS.sessionPanel : null)
  return (
    <nav className={styles.skipLinks} aria-label="Skip links" ref={nav}>
      <a href={`#${SKIP_TARGETS.header}`} onClick={focusTarget(SKIP_TARGETS.header)}>
        Skip to the board&apos;s controls
      </a>
      {sessionPanel && panelPresent && (
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

/**
 * Whether the element with this id is in the page, watching the skip links'
 * parent (the board, which holds the panels) from when it is asked for until
 * it appears; null asks for nothing (false).
 */
function useTargetPresent(anchor: RefObject<HTMLElement | null>, id: string | null): boolean {
  const [present, setPresent] = useState<string | null>(null)
  useEffect(() => {
    if (!id) return
    const check = () => {
      const found = document.getElementById(id) !== null
      setPresent(found ? id : null)
      return found
    }
    if (check()) return
    const root = anchor.current?.parentElement ?? document.body
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect()
    })
    observer.observe(root, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [anchor, id])
  return id !== null && present === id
}
