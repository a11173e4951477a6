import { describe, expect, it } from 'vitest'
import type { LegendPayload } from 'recharts'
import { legendInSeriesOrder } from './chartTheme'

const item = (dataKey: string, value: string): LegendPayload => ({ dataKey, value })

describe('legendInSeriesOrder', () => {
  it('orders legend items as the series are drawn, not alphabetically', () => {
    const byDrawing = legendInSeriesOrder(['plannedMin', 'actualMin'])
    const items = [item('actualMin', 'Actual'), item('plannedMin', 'Planned')]
    const sorted = [...items].sort((a, b) => byDrawing(a) - byDrawing(b))
    expect(sorted.map((i) => i.value)).toEqual(['Planned', 'Actual'])
  })

  it('puts a series it does not know after the known ones', () => {
    const byDrawing = legendInSeriesOrder(['received', 'given'])
    expect(byDrawing(item('other', 'Other'))).toBe(2)
    expect(byDrawing(item('given', 'Given'))).toBe(1)
  })
})
