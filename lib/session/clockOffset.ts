/** One round trip to the server's clock: local send and receive times, and the server's time in between. */
export interface ClockSample {
  sentAt: number
  receivedAt: number
  serverNow: number
}

/**
 * Estimates `serverTime - localTime` from round trips (NTP's idea, simplified):
 * the server read its clock about halfway through the round trip, and the
 * sample with the shortest round trip has the least room for error (at most
 * half its round trip). A session clock shown as `serverNow = Date.now() +
 * offset` then agrees across browsers even when their clocks are minutes
 * apart.
 *
 * @example
 * ```ts
 * estimateClockOffset([{ sentAt: 1000, receivedAt: 1100, serverNow: 5050 }]) // 4000
 * ```
 */
export function estimateClockOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | null = null
  for (const sample of samples) {
    if (sample.receivedAt < sample.sentAt) continue
    if (!best || sample.receivedAt - sample.sentAt < best.receivedAt - best.sentAt) best = sample
  }
  if (!best) return 0
  return Math.round(best.serverNow - (best.sentAt + best.receivedAt) / 2)
}
