import { z } from 'zod'

/**
 * Roles in a room. Interviewers (the owner and co-interviewers) run the
 * session and alone may open the room's private documents; the candidate
 * draws; observers watch.
 */
export const roleSchema = z.enum(['interviewer', 'candidate', 'observer'])

/** One of the room roles. */
export type Role = z.infer<typeof roleSchema>

/** Documents of a room: the shared board, and the interviewers' private notes. */
export const docSchema = z.enum(['board', 'private'])

/** One of the room's documents. */
export type RoomDoc = z.infer<typeof docSchema>

/** Whether `role` may change the board. */
export function canWriteBoard(role: Role): boolean {
  return role !== 'observer'
}

/** Whether `role` may open (read and write) a document of the room. */
export function canOpenDoc(role: Role, doc: RoomDoc): boolean {
  return doc === 'board' || role === 'interviewer'
}
