'use client'

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { TimingRow } from './summaryData'
import {
  chartColors,
  chartTick,
  chartTooltipStyles,
  legendInSeriesOrder,
  legendLabelStyle,
} from '@/components/ui/chartTheme'
import card from '@/components/ui/card.module.css'

/** The bars of each phase, left to right; the legend lists them in the same order. */
const SERIES = ['plannedMin', 'actualMin'] as const
const legendOrder = legendInSeriesOrder(SERIES)

/** Props of {@link TimingChart}. */
export interface TimingChartProps {
  rows: TimingRow[]
}

/** Planned and actual minutes side by side for each phase of the session. */
export function TimingChart({ rows }: TimingChartProps) {
  // Recharts spreads each data row onto its bars' SVG elements: leave out `id`, so no DOM id clashes.
  const data = rows.map(({ label, plannedMin, actualMin }) => ({ label, plannedMin, actualMin }))
  return (
    <div className={card.chartShort} data-testid="timing-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 900, height: 280 }}>
        <BarChart data={data} margin={{ top: 4, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke={chartColors.grid} />
          <XAxis dataKey="label" tick={chartTick} stroke={chartColors.axis} interval={0} />
          <YAxis unit=" min" width={64} allowDecimals={false} tick={chartTick} stroke={chartColors.axis} />
          <Tooltip
            cursor={{ fill: chartColors.cursor }}
            formatter={(value) => `${value} min`}
            {...chartTooltipStyles}
          />
          <Legend itemSorter={legendOrder} labelStyle={legendLabelStyle} />
          {/* Planned is an outline over a tint, Actual solid: told apart by more than their colours. */}
          <Bar
            dataKey="plannedMin"
            name="Planned"
            fill={chartColors.planned}
            fillOpacity={0.3}
            stroke={chartColors.planned}
            strokeWidth={1.5}
            isAnimationActive={false}
          />
          <Bar dataKey="actualMin" name="Actual" fill={chartColors.primary} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
