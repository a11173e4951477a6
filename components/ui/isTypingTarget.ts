/**
 * Whether a key event's target is a place the user types into (a text
 * field, a select, contenteditable text such as a tldraw label being
 * edited), where the board's single-key shortcuts must stay out of the way.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  )
}
