import type { CSSProperties } from 'react'
import type { LegendPayload } from 'recharts'

/**
 * The report charts' colours (the summary's timing, My sessions' history) as
 * the theme's custom properties (app/globals.css), so each theme gets its own:
 * Recharts writes them into SVG fill and stroke attributes, which resolve var().
 */
export const chartColors = {
  /** The lesser series (planned time): still 3:1 on the card. */
  planned: 'var(--mb-chart-planned)',
  primary: 'var(--mb-chart-primary)',
  secondary: 'var(--mb-chart-secondary)',
  /** Gridlines: as quiet as the tables' rules. */
  grid: 'var(--mb-divider)',
  /** Axis lines and their tick labels. */
  axis: 'var(--mb-muted)',
  /** Behind the hovered category. */
  cursor: 'var(--mb-chip)',
  /** Rings a dot, to part it from a line or a dot under it. */
  surface: 'var(--mb-surface)',
} as const

/** Axis tick labels in the theme's muted text (Recharts' own grey is too faint on a dark card). */
export const chartTick = { fontSize: 12, fill: chartColors.axis } as const

/**
 * Recharts' tooltip defaults to a white box with each value in its series'
 * colour: a white flash on a dark page, and the lighter series fail 4.5:1 as
 * text. These put it on the theme's surface in its text colour.
 */
export const chartTooltipStyles: { contentStyle: CSSProperties; itemStyle: CSSProperties; labelStyle: CSSProperties } =
  {
    contentStyle: {
      background: 'var(--mb-surface)',
      border: '1px solid var(--mb-border)',
      borderRadius: 6,
      color: 'var(--mb-text)',
    },
    itemStyle: { color: 'var(--mb-text)' },
    labelStyle: { color: 'var(--mb-text)' },
  }

/** Legend text in the theme's text colour; only its swatch carries the series colour (3:1 is enough for a mark, not for text). */
export const legendLabelStyle: CSSProperties = { color: 'var(--mb-text)' }

/**
 * Orders a legend as its series are drawn (`dataKeys`, left to right or first
 * to last), instead of Recharts' default, alphabetical by name, which put
 * "Actual" before "Planned" while the bars read Planned then Actual. Unknown
 * keys go last.
 */
export function legendInSeriesOrder(dataKeys: readonly string[]): (item: LegendPayload) => number {
  return (item) => {
    const index = dataKeys.indexOf(String(item.dataKey))
    return index === -1 ? dataKeys.length : index
  }
}
