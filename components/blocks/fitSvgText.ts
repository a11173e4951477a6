/**
 * Average advance of a character as a share of the font size: Inter's
 * semibold Latin text runs ~0.56 em, monospace 0.6 em. An estimate (SVG text
 * has no ellipsis and no layout before it is drawn), on the generous side so
 * a cut label ends before the block's edge; the block clips whatever is left.
 */
export const CHAR_EM = { sans: 0.58, mono: 0.6 } as const

/**
 * `text` as it fits `widthPx` at `fontSize`: whole if it does, else cut at a
 * character (never inside an emoji or accented letter) and ended with "…",
 * as the canvas's card ellipsizes the same label.
 *
 * @example
 * ```ts
 * fitSvgText('Kafka / partitioned log', 120, 16, 'sans') // 'Kafka / parti…'
 * ```
 */
export function fitSvgText(text: string, widthPx: number, fontSize: number, font: keyof typeof CHAR_EM): string {
  const fits = Math.floor(widthPx / (fontSize * CHAR_EM[font]))
  const characters = [...new Intl.Segmenter().segment(text)].map((s) => s.segment)
  if (characters.length <= fits) return text
  if (fits < 2) return '…'
  return `${characters
    .slice(0, fits - 1)
    .join('')
    .trimEnd()}…`
}
