'use client'

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { DotItemDotProps, LegendType, LineProps } from 'recharts'
import type { HistoryPoint } from './historyData'
import {
  chartColors,
  chartTick,
  chartTooltipStyles,
  legendInSeriesOrder,
  legendLabelStyle,
} from '@/components/ui/chartTheme'
import card from '@/components/ui/card.module.css'
import { formatMoment } from '@/components/ui/time/readerTime'
import { useReaderClock } from '@/components/ui/time/useReaderClock'

/** The lines, in the order the legend lists them. */
const legendOrder = legendInSeriesOrder(['received', 'given', 'self'])

/** Half a dot's width: big enough to find one session alone on the chart. */
const DOT_RADIUS = 5

/**
 * A session's score is a filled dot ringed in the card's colour, solid even
 * on the dashed line (a dot otherwise takes its line's dashes and white fill:
 * a lone session drew as a faint dashed ring).
 */
const dotRing = { stroke: chartColors.surface, strokeWidth: 1.5, strokeDasharray: 'none' }

/**
 * "Given" scores are squares, "Received" circles, so the two lines differ by
 * shape (and dashes) as well as colour. Recharts has no square dot of its own.
 */
function SquareDot({ cx, cy }: DotItemDotProps) {
  if (cx === undefined || cy === undefined) return null
  const side = DOT_RADIUS * 1.8
  return (
    <rect
      className="recharts-line-dot"
      x={Number(cx) - side / 2}
      y={Number(cy) - side / 2}
      width={side}
      height={side}
      fill={chartColors.secondary}
      {...dotRing}
    />
  )
}

/** A self-score is a diamond, apart from both others' circles and the squares given. */
function DiamondDot({ cx, cy }: DotItemDotProps) {
  if (cx === undefined || cy === undefined) return null
  const x = Number(cx)
  const y = Number(cy)
  const r = DOT_RADIUS * 1.5
  return (
    <polygon
      className="recharts-line-dot"
      points={`${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`}
      fill={chartColors.planned}
      {...dotRing}
    />
  )
}

type SeriesKey = 'received' | 'given' | 'self'

/** The lines, each told apart by colour, dashes and the shape of its dots. */
const SERIES: {
  key: SeriesKey
  name: string
  color: string
  dash?: string
  dot: LineProps['dot']
  legendType: LegendType
}[] = [
  {
    key: 'received',
    name: 'Received',
    color: chartColors.primary,
    dot: { r: DOT_RADIUS, fill: chartColors.primary, ...dotRing },
    legendType: 'circle',
  },
  { key: 'given', name: 'Given', color: chartColors.secondary, dash: '4 3', dot: SquareDot, legendType: 'square' },
  {
    key: 'self',
    name: 'Self-scored (solo)',
    color: chartColors.planned,
    dash: '2 3',
    dot: DiamondDot,
    legendType: 'diamond',
  },
]

/** Props of {@link HistoryChart}. */
export interface HistoryChartProps {
  /** Scored sessions, oldest first. */
  points: HistoryPoint[]
}

/**
 * Average rubric scores over time, on the 1–4 scale, a line each: the scores
 * interviewers shared with the user, the scores they gave as an interviewer,
 * and (for those who practised solo) their own self-scores.
 */
export function HistoryChart({ points }: HistoryChartProps) {
  const clock = useReaderClock()
  const data = points.map((point) => ({ ...point, day: formatMoment(point.startedAt, 'day', clock) }))
  // A line (and a legend entry) only for what this person has: no empty "Given" for someone never an interviewer.
  const has = (key: SeriesKey) => points.some((point) => point[key] !== null)
  return (
    <div className={card.chartShort} data-testid="history-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 900, height: 280 }}>
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke={chartColors.grid} />
          <XAxis dataKey="day" tick={chartTick} stroke={chartColors.axis} />
          <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} width={40} tick={chartTick} stroke={chartColors.axis} />
          <Tooltip
            formatter={(value, name) => [Number(value).toFixed(1), name]}
            // Several sessions can share a day: name the session, not just the date.
            labelFormatter={(label, payload) => {
              const point = payload?.[0]?.payload as HistoryPoint | undefined
              return point ? `${point.title} · ${label}` : String(label)
            }}
            {...chartTooltipStyles}
          />
          {SERIES.filter((series) => has(series.key)).map(({ key, name, color, dash, dot, legendType }) => (
            <Line
              key={key}
              type="monotone"
              dataKey={key}
              name={name}
              stroke={color}
              strokeWidth={2}
              strokeDasharray={dash}
              dot={dot}
              legendType={legendType}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          <Legend itemSorter={legendOrder} labelStyle={legendLabelStyle} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
