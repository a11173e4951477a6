import type { Role } from '../access/roles'
import type { Problem, PublicProblem } from '../problems/problemSchema'
import type { RubricSheet } from '../rubric/rubricSheet'
import type { SessionRecord } from './sessionRecord'

/** A rubric sheet as a reader gets it from the API. */
export interface SheetView {
  authorId: string
  authorName: string
  sheet: RubricSheet
  /** True for the reader's own sheet. */
  mine: boolean
  /** When it was shared with the candidate (null: not shared). */
  sharedAt: number | null
  openToInterviewers: boolean
  submittedAt: number | null
}

/**
 * A session as a member gets it from `GET /api/rooms/<id>/session` or
 * `…/sessions/<sessionId>`: the record, the problem cut to the reader's role
 * and the revealed parts, and the rubric sheets the reader may read.
 */
export interface SessionView {
  /** The reader's role in the room now. */
  role: Role
  /** Whether the reader owns the board. */
  isOwner: boolean
  /** Whether the reader may delete this session once it has ended (`ranSession`); false when there is none. */
  mayDelete: boolean
  /** Every role the reader held in this session (empty: they took no part, or there is no session). */
  heldRoles: Role[]
  /** The session (the board's newest when none was named), or null when none was ever started. */
  session: SessionRecord | null
  /** Whole for interviewers; the prompt and the revealed parts for everyone else. */
  problem: Problem | PublicProblem | null
  sheets: SheetView[]
}

/** The reader's role(s) in a past session and the scores they gave or got, for "My sessions". */
export interface HistoryEntry {
  session: SessionRecord
  /** Every role the reader held in it. */
  roles: Role[]
  /** The reader's own sheet (scores given, or a solo self-score). */
  given: RubricSheet | null
  /** Sheets shared with the reader as the candidate (scores received). */
  received: RubricSheet[]
}

/** A board as "My boards" lists it. */
export interface BoardListItem {
  roomId: string
  name: string
  isOwner: boolean
  role: Role
  createdAt: number
  lastActivityAt: number
}
