import { describe, expect, it } from 'vitest'
import { formatMoment, SERVER_CLOCK } from './readerTime'

const AT = Date.UTC(2026, 2, 10, 14, 5)

describe('formatMoment', () => {
  it('the server names UTC, so nobody takes it for their own time', () => {
    expect(formatMoment(AT, 'dateTime', SERVER_CLOCK)).toBe('10 Mar 2026, 14:05 UTC')
    expect(formatMoment(AT, 'day', SERVER_CLOCK)).toBe('10 Mar')
  })

  it("a reader elsewhere gets their own zone's time and day, in their locale", () => {
    const kolkata = { locale: 'en-US', timeZone: 'Asia/Kolkata' }
    expect(formatMoment(AT, 'dateTime', kolkata)).toBe('Mar 10, 2026, 07:35 PM GMT+5:30')
    // Late evening in UTC is the next day east of it: a chart's day follows the reader.
    const late = Date.UTC(2026, 2, 10, 22, 0)
    expect(formatMoment(late, 'day', { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('11 Mar')
  })
})
