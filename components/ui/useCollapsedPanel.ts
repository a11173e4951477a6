'use client'

import { useEffect, useState } from 'react'

/**
 * Below this width the side panels become drawers over the canvas (see the
 * panels' CSS) and start collapsed, so the board opens with the canvas in view.
 */
export const NARROW_SCREEN_QUERY = '(max-width: 900px)'

/**
 * Whether a side panel is collapsed, remembered per browser under
 * `storageKey`. With nothing remembered it starts open, except on a narrow
 * screen, where it starts collapsed.
 */
export function useCollapsedPanel(storageKey: string) {
  const [collapsed, setCollapsed] = useState(false)
  useEffect(() => {
    const stored = localStorage.getItem(storageKey)
    setCollapsed(stored === null ? window.matchMedia(NARROW_SCREEN_QUERY).matches : stored === '1')
  }, [storageKey])
  const set = (value: boolean) => {
    setCollapsed(value)
    localStorage.setItem(storageKey, value ? '1' : '0')
  }
  return [collapsed, set] as const
}
