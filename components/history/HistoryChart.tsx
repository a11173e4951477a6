'use client'

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { HistoryPoint } from './historyData'
import card from '@/components/ui/card.module.css'

/** Props of {@link HistoryChart}. */
export interface HistoryChartProps {
  /** Scored sessions, oldest first. */
  points: HistoryPoint[]
}

/**
 * Average rubric scores over time, on the 1–4 scale: the scores the user
 * received (or gave themself in solo practice), and, as a separate line,
 * the scores they gave as an interviewer.
 */
export function HistoryChart({ points }: HistoryChartProps) {
  return (
    <div className={card.chartShort} data-testid="history-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 900, height: 280 }}>
        <LineChart data={points} margin={{ top: 8, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#eee" />
          <XAxis dataKey="date" tick={{ fontSize: 12 }} />
          <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} width={40} />
          <Tooltip
            formatter={(value, name) => [Number(value).toFixed(1), name]}
            // Several sessions can share a day: name the session, not just the date.
            labelFormatter={(label, payload) => {
              const point = payload?.[0]?.payload as HistoryPoint | undefined
              return point ? `${point.title} · ${label}` : String(label)
            }}
          />
          <Line
            type="monotone"
            dataKey="received"
            name="Received"
            stroke="#2f80ed"
            strokeWidth={2}
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="given"
            name="Given"
            stroke="#9b51e0"
            strokeWidth={2}
            strokeDasharray="4 3"
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
          <Legend />
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
