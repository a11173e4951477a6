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
 * Documents of a room: the shared board, the interviewers' private notes
 * (the rubric), and the session (problem, clock, shared rubric) that everyone
 * reads and only the server writes.
 */
export const docSchema = z.enum(['board', 'private', 'session'])

/** One of the room's documents. */
export type RoomDoc = z.infer<typeof docSchema>

/** Whether `role` may change the board. */
export function canWriteBoard(role: Role): boolean {
  return role !== 'observer'
}

/** Whether `role` may open (read) a document of the room. */
export function canOpenDoc(role: Role, doc: RoomDoc): boolean {
  return doc !== 'private' || role === 'interviewer'
}

/**
 * Whether `role`'s updates to an open document are applied. Nobody writes the
 * session document over the wire: the clock must carry server time, so it
 * changes only through the session API.
 */
export function canWriteDoc(role: Role, doc: RoomDoc): boolean {
  if (doc === 'session') return false
  if (doc === 'private') return role === 'interviewer'
  return canWriteBoard(role)
}
