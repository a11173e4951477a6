/**
 * WebSocket close codes the collab server uses, shared with the browser so it
 * can tell the user what happened. 4000–4999 are application codes; the
 * last three digits echo the closest HTTP status (4430 and 4431 are 429s of
 * their own, for bytes and for sockets, since one code means one thing).
 * Stock y-websocket clients do not reconnect after 4400–4499 (the server
 * decided; retrying cannot help) and do after anything else.
 */
export const CloseCode = {
  /** The server is shutting down or restarting; reconnect. */
  GoingAway: 1001,
  /** A frame was larger than the server's limit (sent by `ws` itself). */
  MessageTooBig: 1009,
  /** The server failed to store an accepted update; reconnect to resync. */
  ServerError: 1011,
  /** The client reads too slowly; its unsent backlog passed the limit. Reconnect. */
  TryAgainLater: 1013,
  /** The collab token is missing or expired: fetch a new one and reconnect. */
  Unauthorized: 4401,
  /** The token is forged, for another room, or the role may not open this document: do not retry. */
  Forbidden: 4403,
  /** The user's role in the room changed or they were removed: fetch a new token (or learn you are out). */
  AccessChanged: 4409,
  /** The frame could not be decoded as a y-websocket message, or had an unknown type. */
  MalformedMessage: 4400,
  /** A document update could not be applied to the room's document. */
  UpdateRejected: 4422,
  /** The connection sent more frames than its budget allows. */
  RateLimited: 4429,
  /** The connection sent more bytes than its budget allows (`COLLAB_BYTES_PER_SECOND`, `COLLAB_BYTE_BURST`). */
  ByteBudgetExceeded: 4430,
  /** The user already has as many sockets open on this server as allowed (`COLLAB_SOCKETS_PER_USER`). */
  TooManyConnections: 4431,
  /** The room's log reached its size limit (`ROOM_LOG_MAX_BYTES`): the update was refused; reading still works. */
  BoardFull: 4413,
  /** The room's audio call already holds as many people as a mesh call allows. */
  CallFull: 4503,
} as const
