/** One recorded cursor change: an awareness client's state at a server time (null: it left). */
export interface PresenceSample {
  time: number
  client: number
  state: unknown
}

/** A cursor not moved for this long is hidden, as a live board hides idle cursors. */
export const PRESENCE_STALE_MS = 10_000

/**
 * The recorded cursors, queried by time: for each participant, their latest
 * state at that moment, unless they had left or gone idle.
 *
 * @example
 * ```ts
 * const track = new PresenceTrack()
 * track.append(samples)
 * track.at(t) // [{ client: 12, state: { u: 'ada', p: 'page', k: [10, 20] } }]
 * ```
 */
export class PresenceTrack {
  private readonly samples: PresenceSample[] = []

  /**
   * Adds samples that follow the ones already there. One a little older than
   * the last (two servers record their own people's cursors into one log, and
   * their ticks interleave) counts as taken at the last one's time, so the
   * track stays in time order.
   */
  append(samples: readonly PresenceSample[]): void {
    for (const sample of samples) {
      const last = this.samples.at(-1)
      this.samples.push(last && sample.time < last.time ? { ...sample, time: last.time } : sample)
    }
  }

  /**
   * Each present participant's state at `time`. Only the last
   * {@link PRESENCE_STALE_MS} before `time` can matter, so it reads just that
   * window (found by binary search): cheap enough for every animation frame.
   */
  at(time: number): { client: number; state: unknown; time: number }[] {
    let lo = 0
    let hi = this.samples.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.samples[mid]!.time <= time) lo = mid + 1
      else hi = mid
    }
    const latest = new Map<number, PresenceSample>()
    for (let i = lo - 1; i >= 0; i--) {
      const sample = this.samples[i]!
      if (time - sample.time > PRESENCE_STALE_MS) break
      if (!latest.has(sample.client)) latest.set(sample.client, sample)
    }
    return [...latest.values()]
      .filter((s) => s.state !== null)
      .map(({ client, state, time: t }) => ({ client, state, time: t }))
  }
}
