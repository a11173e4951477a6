'use client'

import { useEffect } from 'react'
import { useValue, type Editor } from 'tldraw'

/**
 * tldraw's light/dark preference drives the whole app: while the board is
 * open, `<html data-theme>` follows it, so the panels, clock strip, dialogs
 * and popovers (which live outside tldraw's container) share the canvas's
 * theme through the CSS variables in `app/globals.css`.
 */
export function useAppTheme(editor: Editor | null): void {
  const dark = useValue('dark mode', () => editor?.user.getIsDarkMode() ?? null, [editor])
  useEffect(() => {
    if (dark === null) return
    const root = document.documentElement
    root.dataset.theme = dark ? 'dark' : 'light'
    return () => {
      delete root.dataset.theme
    }
  }, [dark])
}
