'use client'

import { formatMoment, type MomentStyle } from './readerTime'
import { useReaderClock } from './useReaderClock'

/** Props of {@link LocalTime}. */
export interface LocalTimeProps {
  /** The moment, in ms since the epoch. */
  at: number
  /** "10 Mar 2026, 14:05 UTC" (default) or "10 Mar". */
  format?: MomentStyle
}

/**
 * A moment in the reader's locale and time zone (UTC, named, in the server's
 * HTML), as a `<time>` whose `dateTime` is the exact instant.
 */
export function LocalTime({ at, format = 'dateTime' }: LocalTimeProps) {
  const clock = useReaderClock()
  return (
    <time dateTime={new Date(at).toISOString()} data-testid="local-time">
      {formatMoment(at, format, clock)}
    </time>
  )
}
