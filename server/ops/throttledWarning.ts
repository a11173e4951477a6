import type { Logger } from 'pino'

/** At most one line of a recurring warning per this many ms. */
export const WARNING_INTERVAL_MS = 5_000

/**
 * A warning that repeats while one condition lasts (a Redis outage makes
 * every connection report every reconnection attempt: ~130 lines a server in
 * one cluster failover), logged at most once per `intervalMs`. The first
 * occurrence is logged at once, with its error; later ones within the
 * interval are counted and the next line says how many were held back
 * (`suppressed`).
 *
 * @example
 * ```ts
 * const warn = throttledWarning(logger, 'redis connection error')
 * client.on('error', (err) => warn({ err, role: 'storage' }))
 * ```
 */
export function throttledWarning(
  logger: Pick<Logger, 'warn'>,
  message: string,
  intervalMs = WARNING_INTERVAL_MS,
  now: () => number = Date.now
): (fields: Record<string, unknown>) => void {
  let lastLoggedAt = -Infinity
  let suppressed = 0
  return (fields) => {
    const at = now()
    if (at - lastLoggedAt < intervalMs) {
      suppressed++
      return
    }
    logger.warn(suppressed > 0 ? { ...fields, suppressed } : fields, message)
    lastLoggedAt = at
    suppressed = 0
  }
}
