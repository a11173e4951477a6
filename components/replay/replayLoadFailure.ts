import { HttpError } from '@/lib/http/fetchJson'
import type { RoomClosedReason } from '@/lib/room/roomPageParams'

/** Why a replay could not be loaded, as its page tells the reader. */
export type ReplayLoadFailure =
  /** The board has no such session (deleted since the page was served). */
  | { kind: 'no-session' }
  /** The board closed to the reader since the page was served: deleted, or they were removed. */
  | { kind: 'room-closed'; reason: RoomClosedReason }
  /** The server could not be reached. */
  | { kind: 'unreachable' }
  /** Anything else; `detail` is the error's message. */
  | { kind: 'failed'; detail: string }

/** The messages of `server/access/RoomAccess.ts` and `server/replay/ReplayService.ts` this page answers in its own words. */
const REFUSALS: Record<string, ReplayLoadFailure> = {
  'no such session on this board': { kind: 'no-session' },
  'no such room': { kind: 'room-closed', reason: 'missing' },
  'not a member of this room': { kind: 'room-closed', reason: 'not-member' },
}

/** The messages of the `TypeError` that `fetch` rejects with when no answer came (Chromium, Firefox, Safari, Node). */
const UNREACHABLE = /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed|fetch failed)$/

/**
 * Reads a replay's load error, as `useReplayData` reports it (an
 * {@link HttpError} for a refused request, fetch's `TypeError` when the server
 * is unreachable), into what to tell the reader. A missing session and a
 * missing board both answer 404, so the API's message tells them apart.
 *
 * @example
 * ```ts
 * replayLoadFailure(new HttpError(404, 'no such session on this board')) // { kind: 'no-session' }
 * ```
 */
export function replayLoadFailure(error: Error): ReplayLoadFailure {
  if (error instanceof TypeError && UNREACHABLE.test(error.message)) return { kind: 'unreachable' }
  const refusal = error instanceof HttpError ? REFUSALS[error.message] : undefined
  return refusal ?? { kind: 'failed', detail: error.message }
}
