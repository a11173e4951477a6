'use client'

import { Bar, BarChart, CartesianGrid, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { BarShapeProps } from 'recharts'
import { SCORE_MEANINGS, type ScoreRow } from './summaryData'
import { chartColors, chartTick, chartTooltipStyles } from '@/components/ui/chartTheme'
import card from '@/components/ui/card.module.css'

/** Bar colours by score: 1 red, 2 amber, 3 blue, 4 green. */
const SCORE_COLORS = ['#e5484d', '#f2a33a', '#2f80ed', '#1f9d55'] as const

// Recharts spreads each data row onto its bar's SVG element: leave out `id`, so no DOM id clashes.
type ChartRow = { dimension: string; score: number | null }

// Colour each bar by its own score (the `shape` prop replaces recharts' deprecated `Cell`).
function ScoreBar(props: BarShapeProps) {
  const score = (props.payload as ChartRow | undefined)?.score ?? 0
  return <Rectangle {...props} fill={SCORE_COLORS[score - 1] ?? chartColors.planned} />
}

/** Props of {@link ScoresChart}. */
export interface ScoresChartProps {
  rows: ScoreRow[]
}

/** Horizontal bars of the ten rubric dimensions on the 1–4 scale; unscored dimensions have no bar. */
export function ScoresChart({ rows }: ScoresChartProps) {
  const data: ChartRow[] = rows.map((r) => ({ dimension: r.name, score: r.score }))
  return (
    <div className={card.chart} data-testid="scores-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 900, height: 360 }}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={chartColors.grid} />
          <XAxis
            type="number"
            domain={[0, 4]}
            ticks={[1, 2, 3, 4]}
            allowDecimals={false}
            tick={chartTick}
            stroke={chartColors.axis}
          />
          <YAxis
            type="category"
            dataKey="dimension"
            width={210}
            tick={{ ...chartTick, fontSize: 13, fill: 'var(--mb-text)' }}
            stroke={chartColors.axis}
          />
          <Tooltip
            {...chartTooltipStyles}
            cursor={{ fill: chartColors.cursor }}
            formatter={(value) => {
              const score = Number(value)
              return [`${score} · ${SCORE_MEANINGS[score - 1] ?? ''}`, 'Score']
            }}
          />
          <Bar dataKey="score" name="Score" barSize={18} shape={ScoreBar} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
