/** An update that could not be decoded or applied to the room's document. */
export class UpdateRejectedError extends Error {}

/** An awareness frame that could not be applied (bad encoding or JSON, or too large). */
export class AwarenessRejectedError extends Error {}

/** A write to a room whose log has reached its size limit (the update was not applied). */
export class LogFullError extends Error {}
