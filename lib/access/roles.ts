import { z } from 'zod'

/**
 * Roles in a room. Interviewers (the owner and co-interviewers) run the
 * session and alone may open the room's private documents; the candidate
 * draws; observers watch.
 */
export const roleSchema = z.enum(['interviewer', 'candidate', 'observer'])

/** One of the room roles. */
export type Role = z.infer<typeof roleSchema>

/**
 * Documents of a room: the shared board, and the session (its id, clock,
 * revealed parts, settings) that everyone reads and only the server writes.
 * `private` held the rubric before rubric sheets became per-author records
 * (written through the API); nobody may open it any more, and its log stays
 * only for the migration.
 */
export const docSchema = z.enum(['board', 'private', 'session'])

/** One of the room's documents. */
export type RoomDoc = z.infer<typeof docSchema>

/** Whether `role` may change the board. */
export function canWriteBoard(role: Role): boolean {
  return role !== 'observer'
}

/** Whether `role` may open (read) a document of the room. */
export function canOpenDoc(_role: Role, doc: RoomDoc): boolean {
  return doc !== 'private'
}

/**
 * Whether `role`'s updates to an open document are applied. Nobody writes the
 * session document over the wire: the clock must carry server time, so it
 * changes only through the session API.
 */
export function canWriteDoc(role: Role, doc: RoomDoc): boolean {
  if (doc !== 'board') return false
  return canWriteBoard(role)
}

/**
 * Whether a member may restore the board to an earlier moment of its log
 * ("restore this version" on the replay): the owner, whatever interview role
 * they hold (ownership is not a role), and interviewers, who already run the
 * session and may change anything on the board. A restore is itself logged,
 * so it can be undone by restoring again. Candidates and observers may not:
 * the candidate's drawing is what an interview assesses, and observers only watch.
 */
export function canRestoreBoard(role: Role, isOwner: boolean): boolean {
  return isOwner || role === 'interviewer'
}
