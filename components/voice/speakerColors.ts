/** Speaker colours on the replay's timeline, from the app's theme variables (so dark mode works). */
const COLORS = ['var(--mb-accent)', 'var(--mb-ok)', 'var(--mb-danger)', 'var(--mb-muted)']

/** The colour of the `index`-th speaker. */
export function speakerColor(index: number): string {
  return COLORS[index % COLORS.length]!
}
