import type { Role } from '../access/roles'
import type { PhaseMark } from '../session/sessionTimeline'
import type { TimerEvent } from '../session/timer'

/** A rubric note placed on the replay's timeline (for readers of its sheet). */
export interface NoteMark {
  id: string
  text: string
  by: string
  /** Server time of the moment the note was written (from the session clock). */
  at: number
}

/** What the replay page needs before the log: who is who, the session's range, phases and notes. */
export interface ReplayManifest {
  role: Role
  /** The session replayed, or null for the board's whole life. */
  sessionId: string | null
  members: { userId: string; name: string }[]
  phases: PhaseMark[]
  /** The session clock's events, to turn a session-clock time (`?clock=`) into a moment. */
  events: TimerEvent[]
  /** The stretch of server time the replay covers (end null while the session runs). */
  range: { start: number; end: number | null } | null
  sessionStart: number | null
  sessionEnd: number | null
  /** The board log position the session ended at (its frozen end state). */
  boardSeqEnd: number | null
  /** Null for readers of no sheet. */
  notes: NoteMark[] | null
  /** Whether the reader may restore the board to a moment of the replay (the owner, interviewers). */
  canRestore: boolean
}

/** One log entry as the replay API sends it: the update (or presence JSON) base64-encoded. */
export interface ReplayEntry {
  seq: number
  time: number
  author: string
  data: string
}
