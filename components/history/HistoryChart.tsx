'use client'

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { HistoryPoint } from './historyData'
import styles from './history.module.css'

/** Props of {@link HistoryChart}. */
export interface HistoryChartProps {
  /** Scored sessions, oldest first. */
  points: HistoryPoint[]
}

/** The average rubric score of each scored session over time, on the 1–4 scale. */
export function HistoryChart({ points }: HistoryChartProps) {
  return (
    <div className={styles.chart} data-testid="history-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 900, height: 280 }}>
        <LineChart data={points} margin={{ top: 8, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#eee" />
          <XAxis dataKey="date" tick={{ fontSize: 12 }} />
          <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} width={40} />
          <Tooltip
            formatter={(value) => [Number(value).toFixed(1), 'Average']}
            // Several sessions can share a day: name the session, not just the date.
            labelFormatter={(label, payload) => {
              const point = payload?.[0]?.payload as HistoryPoint | undefined
              return point ? `${point.title} · ${label}` : String(label)
            }}
          />
          <Line
            type="monotone"
            dataKey="average"
            name="Average"
            stroke="#2f80ed"
            strokeWidth={2}
            dot={{ r: 4 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
