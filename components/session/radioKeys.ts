/**
 * The index an arrow key moves to in a radio group of `count` (WAI-ARIA radio pattern: Left/Up the
 * previous, Right/Down the next, wrapping; Home the first, End the last), or null for other keys.
 */
export function radioKeyTarget(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}
