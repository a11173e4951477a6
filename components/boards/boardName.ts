import { HttpError } from '@/lib/http/fetchJson'

/**
 * Longest board name: the server's `MAX_ROOM_NAME` (`server/access/RoomDirectory.ts`),
 * repeated because browser code may not import `server/`; `boardName.test.ts` keeps the two equal.
 */
export const MAX_BOARD_NAME = 80

/** A board name as typed, judged before it is sent: the trimmed name, or why it cannot be saved. */
export type BoardNameCheck = { ok: true; name: string } | { ok: false; message: string }

/**
 * Checks a typed board name by the server's own rule (`PATCH /api/rooms/<id>`:
 * trimmed, 1 to {@link MAX_BOARD_NAME} characters), so a name the server would
 * refuse is never sent: the rename field says why inline and Save waits.
 * The server keeps its check; this only spares the user a failed round trip.
 */
export function checkBoardName(typed: string): BoardNameCheck {
  const name = typed.trim()
  if (name.length === 0) return { ok: false, message: 'Enter a name: a board name cannot be blank.' }
  if (name.length > MAX_BOARD_NAME) {
    return { ok: false, message: `A board name can be at most ${MAX_BOARD_NAME} characters.` }
  }
  return { ok: true, name }
}

/**
 * A failed rename as people should read it. The API's room errors are
 * already sentences, but its validation answer is a bare "invalid request"
 * and a crash a bare "internal error"; those become what they mean here.
 */
export function renameFailure(error: unknown): unknown {
  if (!(error instanceof HttpError)) return error
  if (error.status === 400) {
    return new HttpError(400, `The name was not accepted: use 1 to ${MAX_BOARD_NAME} characters, not only spaces.`)
  }
  if (error.status >= 500) {
    return new HttpError(error.status, 'The server failed to save the name, so it is unchanged. Try again.')
  }
  return error
}
