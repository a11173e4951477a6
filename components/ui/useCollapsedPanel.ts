'use client'

import { useSyncExternalStore } from 'react'

/**
 * Below this width the side panels become drawers over the canvas (see the
 * panels' CSS) and start collapsed, so the board opens with the canvas in view.
 */
export const NARROW_SCREEN_QUERY = '(max-width: 900px)'

/**
 * Each key's state on this page: read once (from localStorage, or with
 * nothing remembered from the screen's width then, so resizing later does
 * not fold a panel), then changed only by {@link useCollapsedPanel}'s setter.
 */
const known = new Map<string, boolean>()
const listeners = new Set<() => void>()

function collapsedNow(storageKey: string): boolean {
  let collapsed = known.get(storageKey)
  if (collapsed === undefined) {
    const stored = localStorage.getItem(storageKey)
    collapsed = stored === null ? window.matchMedia(NARROW_SCREEN_QUERY).matches : stored === '1'
    known.set(storageKey, collapsed)
  }
  return collapsed
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/**
 * Whether a side panel is collapsed, remembered per browser under
 * `storageKey`. With nothing remembered it starts open, except on a narrow
 * screen, where it starts collapsed. Server-rendered (and hydrated) it is open
 * until hydration is done.
 */
export function useCollapsedPanel(storageKey: string) {
  const collapsed = useSyncExternalStore(
    subscribe,
    () => collapsedNow(storageKey),
    () => false
  )
  const set = (value: boolean) => {
    known.set(storageKey, value)
    localStorage.setItem(storageKey, value ? '1' : '0')
    for (const listener of listeners) listener()
  }
  return [collapsed, set] as const
}
