import type { Role } from '../access/roles'
import { heldRole, type SessionRecord } from '../session/sessionRecord'

/** Who asks to hear a session's recording: a current member of the room (the replay's rule), with their role now. */
export interface AudioReader {
  userId: string
  role: Role
  isOwner: boolean
}

/**
 * Whether `reader` may hear `session`'s recording. The replay's rule first
 * (the caller has already checked that the reader is a member now), then the
 * product's access table: the owner (whatever their role), interviewers and
 * observers hear it; whoever is a candidate now, or was the session's
 * candidate at any time, hears nothing until an interviewer shares the
 * recording with the candidate. A later role change never widens this.
 */
export function canHearRecording(session: SessionRecord, reader: AudioReader, sharedWithCandidate: boolean): boolean {
  if (reader.isOwner) return true
  const candidate = reader.role === 'candidate' || heldRole(session, reader.userId, 'candidate')
  return !candidate || sharedWithCandidate
}

/** Whether `role` records a microphone in a session (observers only listen). */
export function isRecordableRole(role: Role): boolean {
  return role === 'interviewer' || role === 'candidate'
}

/**
 * Whether `role` may turn recording on or off, or share the recording with
 * the candidate: interviewers, by their role now (like every session setting).
 */
export function canManageRecording(role: Role): boolean {
  return role === 'interviewer'
}
