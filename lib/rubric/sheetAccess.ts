import type { Role } from '../access/roles'
import { heldRole, ranSession, type SessionRecord } from '../session/sessionRecord'
import type { RubricSheet } from './rubricSheet'
import type { SheetRecord } from './sheetRecord'

/** Who asks to read a sheet: a current member of the room, with their role now. */
export interface SheetReader {
  userId: string
  role: Role
}

/**
 * What `reader` may read of `sheet` in `session`, or null for nothing:
 * - its author reads the sheet itself (it is theirs, whatever their role now);
 * - an interviewer of the session who is an interviewer now and was never its
 *   candidate reads it too, when the author opened it to co-interviewers;
 * - whoever was the session's candidate at any time (in a peer mock with a
 *   swap, both people were) reads the copy the author shared, once shared.
 * Nobody else: a later role change never widens what anyone reads.
 */
export function readableSheet(session: SessionRecord, sheet: SheetRecord, reader: SheetReader): RubricSheet | null {
  if (sheet.sessionId !== session.sessionId) return null
  if (sheet.authorId === reader.userId) return sheet.sheet
  const candidate = heldRole(session, reader.userId, 'candidate')
  if (
    sheet.openToInterviewers &&
    reader.role === 'interviewer' &&
    heldRole(session, reader.userId, 'interviewer') &&
    !candidate
  ) {
    return sheet.sheet
  }
  return candidate && sheet.shared ? sheet.shared.sheet : null
}

/**
 * Whether `writer` may write their own sheet in `session`: while it runs, any
 * interviewer who was never its candidate (they take part now, and its end
 * records every member as a participant); once it has ended, only who ran it
 * ({@link ranSession}: its interviewer then and now, never its candidate). A
 * solo user is their own interviewer. An interviewer who joined the board
 * after the session ended may not score what they never saw.
 */
export function canWriteSheet(session: SessionRecord, writer: SheetReader): boolean {
  if (session.endedAt !== null) return ranSession(session, writer)
  return writer.role === 'interviewer' && !heldRole(session, writer.userId, 'candidate')
}
