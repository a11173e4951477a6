import { HttpError } from '@/lib/http/fetchJson'
import { checkVisibleText, visibleTextSchema } from '@/lib/text/visibleText'

/**
 * Longest board name: the server's `MAX_ROOM_NAME` (`server/access/RoomDirectory.ts`),
 * repeated because browser code may not import `server/`; `boardName.test.ts` keeps the two equal.
 */
export const MAX_BOARD_NAME = 80

/** A board name as typed, judged before it is sent: the trimmed name, or why it cannot be saved. */
export type BoardNameCheck = { ok: true; name: string } | { ok: false; message: string }

/** The server's rule for a board name (`PATCH /api/rooms/<id>`), from `lib/text/visibleText.ts`. */
const boardNameSchema = visibleTextSchema({ noun: 'board name', max: MAX_BOARD_NAME })

/**
 * Checks a typed board name by the server's own rule (`PATCH /api/rooms/<id>`:
 * trimmed, 1 to {@link MAX_BOARD_NAME} characters, something visible and no
 * invisible or control characters), so a name the server would refuse is
 * never sent: the rename field says why inline and Save waits.
 * The server keeps its check; this only spares the user a failed round trip.
 */
export function checkBoardName(typed: string): BoardNameCheck {
  const check = checkVisibleText(boardNameSchema, typed)
  return check.ok ? { ok: true, name: check.text } : check
}

/**
 * A failed rename as people should read it. The API's room errors are
 * already sentences, but its validation answer is a bare "invalid request"
 * and a crash a bare "internal error"; those become what they mean here.
 */
export function renameFailure(error: unknown): unknown {
  if (!(error instanceof HttpError)) return error
  if (error.status === 400) {
    return new HttpError(
      400,
      `The name was not accepted: use 1 to ${MAX_BOARD_NAME} characters with something visible, and no control or invisible characters.`
    )
  }
  if (error.status >= 500) {
    return new HttpError(error.status, 'The server failed to save the name, so it is unchanged. Try again.')
  }
  return error
}
