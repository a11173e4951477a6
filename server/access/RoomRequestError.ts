/** The HTTP statuses a refused room request answers with. */
export type RoomRequestStatus = 400 | 403 | 404 | 409 | 413 | 415

/**
 * A request about a room (its access, sessions, sheets, replay, restore)
 * that the server refuses, carrying the HTTP status the API answers with:
 * 400 invalid (no such problem, dimension or log position), 403 not allowed,
 * 404 no such room, member, invite or session, 409 conflicts with the room's
 * state (a session running or ended, a sheet submitted), 413 too large (an
 * audio chunk or track past its cap), 415 a body of the wrong type. The message is what
 * the API sends back as `{ error }`.
 *
 * @example
 * ```ts
 * if (!member) throw new RoomRequestError(404, 'no such member')
 * ```
 */
export class RoomRequestError extends Error {
  override readonly name = 'RoomRequestError'
  constructor(
    readonly status: RoomRequestStatus,
    message: string
  ) {
    super(message)
  }
}

/**
 * True for a {@link RoomRequestError}. Checked by name, not `instanceof`: Next
 * bundles route code with its own copy of this module, so an error thrown by
 * the server's `RoomAccess` instance is not an instance of the route's class.
 */
export function isRoomRequestError(error: unknown): error is RoomRequestError {
  return (
    error instanceof Error &&
    error.name === 'RoomRequestError' &&
    typeof (error as RoomRequestError).status === 'number'
  )
}
