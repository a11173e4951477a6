/**
 * Moments in the reader's own locale and time zone.
 *
 * Pages are rendered on the server, which does not know where its reader is:
 * it writes times in UTC, saying so ("10 Mar 2026, 14:05 UTC"), and the
 * browser rewrites them in its own zone as it hydrates ("10 Mar 2026, 19:35
 * GMT+5:30"). Every date the app shows goes through here, so a summary, My
 * sessions and My boards agree with each other and with the reader's clock.
 */

/** How a moment reads: a date and time, or a day ("10 Mar") for a chart's axis. */
export type MomentStyle = 'dateTime' | 'day'

/** Where the reader reads times: their locale and their time zone. */
export interface ReaderClock {
  locale: string
  timeZone: string
}

/** What the server writes until the browser's clock is known: UTC, named. */
export const SERVER_CLOCK: ReaderClock = Object.freeze({ locale: 'en-GB', timeZone: 'UTC' })

const OPTIONS: Record<MomentStyle, Intl.DateTimeFormatOptions> = {
  dateTime: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  },
  day: { day: 'numeric', month: 'short' },
}

// Making a formatter costs far more than using one; a page formats many dates with few clocks.
const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * `at` (ms since the epoch) as the reader with `clock` reads it.
 *
 * @example
 * ```ts
 * formatMoment(Date.UTC(2026, 2, 10, 14, 5), 'dateTime', SERVER_CLOCK) // "10 Mar 2026, 14:05 UTC"
 * ```
 */
export function formatMoment(at: number, style: MomentStyle, clock: ReaderClock): string {
  const key = `${style}|${clock.locale}|${clock.timeZone}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(clock.locale, { ...OPTIONS[style], timeZone: clock.timeZone })
    formatters.set(key, formatter)
  }
  return formatter.format(at)
}

let browserClock: ReaderClock | null = null

/** This browser's locale and time zone (the same object every call, as `useSyncExternalStore` needs). */
export function readBrowserClock(): ReaderClock {
  if (!browserClock) {
    const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions()
    browserClock = { locale, timeZone }
  }
  return browserClock
}
