'use client'

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { TimingRow } from './summaryData'
import card from '@/components/ui/card.module.css'

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
          <CartesianGrid vertical={false} stroke="#eee" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
          <YAxis unit=" min" width={64} allowDecimals={false} />
          <Tooltip cursor={{ fill: '#f5f7fb' }} formatter={(value) => `${value} min`} />
          <Legend />
          <Bar dataKey="plannedMin" name="Planned" fill="#c9d6ea" isAnimationActive={false} />
          <Bar dataKey="actualMin" name="Actual" fill="#2f80ed" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
