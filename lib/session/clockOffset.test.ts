import { describe, expect, it } from 'vitest'
import { estimateClockOffset } from './clockOffset'

describe('estimateClockOffset', () => {
  it('takes the server time as read halfway through the round trip', () => {
    expect(estimateClockOffset([{ sentAt: 1000, receivedAt: 1100, serverNow: 5050 }])).toBe(4000)
  })

  it('trusts the fastest round trip: a slow one has more room for error', () => {
    const samples = [
      { sentAt: 0, receivedAt: 900, serverNow: 10_000 }, // slow: the answer could be off by 450 ms
      { sentAt: 1000, receivedAt: 1020, serverNow: 11_000 }, // fast
    ]
    expect(estimateClockOffset(samples)).toBe(9_990)
  })

  it('a browser clock behind the server gives a positive offset, ahead a negative one', () => {
    expect(estimateClockOffset([{ sentAt: 0, receivedAt: 10, serverNow: 60_005 }])).toBe(60_000)
    expect(estimateClockOffset([{ sentAt: 60_000, receivedAt: 60_010, serverNow: 5 }])).toBe(-60_000)
  })

  it('no usable sample means no correction', () => {
    expect(estimateClockOffset([])).toBe(0)
    expect(estimateClockOffset([{ sentAt: 10, receivedAt: 5, serverNow: 99 }])).toBe(0)
  })
})
