/**
 * How a replayed recording stays in step with the replay's clock. The board's
 * position is the truth; an `<audio>` element only approximates it (starting
 * takes a few milliseconds, and its clock is the sound card's). Big gaps (a
 * seek, a jump over idle time) are closed with one seek; small drift while
 * playing is closed by playing slightly faster or slower, which is inaudible
 * with the pitch kept and, unlike a seek, never stutters.
 */

/** Past this gap (seconds) the element seeks instead of catching up. */
export const SEEK_THRESHOLD_S = 0.3
/** Drift (seconds) tolerated while playing before the rate is nudged. */
export const DRIFT_TOLERANCE_S = 0.02
/** The most the rate is nudged by, as a share of the replay's speed. */
export const MAX_RATE_NUDGE = 0.1
/** Drift closed per second of playing, as a share of the drift (time to close ≈ 1 / this). */
const CATCH_UP_PER_SECOND = 2

/** What the element should do now: seek to `seekTo` (seconds), and play at `rate`. */
export interface AudioSyncStep {
  seekTo: number | null
  rate: number
}

/**
 * The step that brings the element at `current` (seconds into its media) to
 * `target` (where the replay's clock says it should be), at replay `speed`.
 * While paused any gap above the tolerance is a seek (nothing is heard, so a
 * seek costs nothing).
 */
export function audioSyncStep(current: number, target: number, speed: number, playing: boolean): AudioSyncStep {
  const drift = current - target
  if (!playing) return { seekTo: Math.abs(drift) > DRIFT_TOLERANCE_S ? target : null, rate: speed }
  if (Math.abs(drift) > SEEK_THRESHOLD_S * Math.max(1, speed)) return { seekTo: target, rate: speed }
  if (Math.abs(drift) <= DRIFT_TOLERANCE_S) return { seekTo: null, rate: speed }
  // Ahead (drift > 0): slow down; behind: speed up, in proportion to the gap, within the nudge.
  const nudge = Math.max(-MAX_RATE_NUDGE, Math.min(MAX_RATE_NUDGE, (-drift * CATCH_UP_PER_SECOND) / speed))
  return { seekTo: null, rate: speed * (1 + nudge) }
}
