import { useEffect } from 'react'
import { isTypingTarget } from '../ui/isTypingTarget'

/** The key that toggles the selected block's card. tldraw binds nothing to a bare I. */
export const BLOCK_CARD_KEY = 'i'

/** Calls `onToggle` when the user presses I (no modifiers) outside a text field. */
export function useBlockCardShortcut(onToggle: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== BLOCK_CARD_KEY || event.repeat) return
      if (event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target)) return
      event.preventDefault()
      onToggle()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  })
}
