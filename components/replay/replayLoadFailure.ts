import type { RoomClosedReason } from '@/lib/room/roomPageParams'

/** Why a replay could not be loaded, as its page tells the reader. */
export type ReplayLoadFailure =
  /** The board has no such session (deleted since the page was served). */
  | { kind: 'no-session' }
  /** The board closed to the reader since the page was served: deleted, or they were removed. */
  | { kind: 'room-closed'; reason: RoomClosedReason }
  /** The server could not be reached. */
  | { kind: 'unreachable' }
  /** Anything else; `detail` is the error's message, without its `Error:` prefix. */
  | { kind: 'failed'; detail: string }

/** The messages of `server/access/RoomAccess.ts` and `server/replay/ReplayService.ts` this page answers in its own words. */
const REFUSALS: Record<string, ReplayLoadFailure> = {
  'no such session on this board': { kind: 'no-session' },
  'no such room': { kind: 'room-closed', reason: 'missing' },
  'not a member of this room': { kind: 'room-closed', reason: 'not-member' },
}

/** What `fetch` rejects with when no answer came (Chromium, Firefox, Safari, Node). */
const UNREACHABLE =
  /^TypeError: (Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed|fetch failed)$/

/**
 * Reads a replay's load error, as `useReplayData` reports it (the error as a
 * string: `Error: <the API's message>` for a refused request, `TypeError: …`
 * from fetch when the server is unreachable), into what to tell the reader.
 *
 * @example
 * ```ts
 * replayLoadFailure('Error: no such session on this board') // { kind: 'no-session' }
 * ```
 */
export function replayLoadFailure(error: string): ReplayLoadFailure {
  if (UNREACHABLE.test(error)) return { kind: 'unreachable' }
  const detail = error.replace(/^\w*Error: /, '')
  return REFUSALS[detail] ?? { kind: 'failed', detail }
}
