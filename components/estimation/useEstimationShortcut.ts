import { useEffect } from 'react'
import { isTypingTarget } from '../ui/isTypingTarget'

/**
 * The key that opens and closes the estimation card, in tldraw's `kbd`
 * notation (the shortcuts dialog shows it as ⇧E). tldraw 5.4 binds a bare E
 * (eraser) but nothing to Shift+E: its matcher compares every modifier, so
 * Shift+E never reaches the eraser.
 */
export const ESTIMATION_KEY = 'shift+e'

/** Whether a key event is Shift+E with no other modifier, outside a text field. */
export function isEstimationKey(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'metaKey' | 'ctrlKey' | 'altKey' | 'repeat' | 'target'>
): boolean {
  if (!event.shiftKey || event.metaKey || event.ctrlKey || event.altKey || event.repeat) return false
  if (isTypingTarget(event.target)) return false
  // `code` keeps it on the E key on layouts where Shift+E types another letter.
  return event.key.toLowerCase() === 'e' || event.code === 'KeyE'
}

/** Calls `onToggle` when the user presses Shift+E outside a text field. */
export function useEstimationShortcut(onToggle: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isEstimationKey(event)) return
      event.preventDefault()
      onToggle()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  })
}
