import { useEffect } from 'react'
import { isTypingTarget } from '../ui/isTypingTarget'
import { useCollapsedPanel } from '../ui/useCollapsedPanel'

const COLLAPSED_KEY = 'mockboard.palette.collapsed'

/** Whether the palette is collapsed, remembered per browser (collapsed at first on a narrow screen). */
export const useCollapsedPalette = () => useCollapsedPanel(COLLAPSED_KEY)

/** The key that puts the caret in the palette's search box (listed in the shortcuts dialog). */
export const PALETTE_SEARCH_KEY = 'p'

/**
 * Calls `onOpen` when the user presses P (no modifiers) outside a text field.
 * tldraw binds no shortcut to P, so the canvas loses nothing.
 */
export function usePaletteShortcut(onOpen: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== PALETTE_SEARCH_KEY) return
      if (event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target)) return
      event.preventDefault()
      onOpen()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  })
}
