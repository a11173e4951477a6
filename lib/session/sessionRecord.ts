import { z } from 'zod'
import { roleSchema } from '../access/roles'
import { phasePlanItemSchema, sessionLevels } from './sessionConfig'
import { timerEventSchema } from './timer'

/**
 * Session ids: unguessable for new sessions (like room ids); migrated
 * sessions of the one-session-per-room release get `legacy-<room>`.
 */
export const sessionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,80}$/, 'a session id is 8–80 characters of A–Z, a–z, 0–9, _ or -')

/** The parts of a problem the candidate sees only once the interviewer reveals them. */
export const revealPartSchema = z.enum(['functional', 'nonFunctional', 'scale'])

/** A part of a problem that is revealed on request. */
export type RevealPart = z.infer<typeof revealPartSchema>

/** Every revealable part, in the order the problem card lists them. */
export const REVEAL_PARTS: readonly RevealPart[] = revealPartSchema.options

/** The interviewer's per-session settings. */
export const sessionSettingsSchema = z.object({
  /** Whether the candidate's palette offers templates (a "URL shortener" template gives a URL-shortener answer away). */
  templatesForCandidate: z.boolean(),
  /** Solo: whether the problem's hints are shown to the user while practising. */
  soloHints: z.boolean(),
})

/** Per-session settings. */
export type SessionSettings = z.infer<typeof sessionSettingsSchema>

/** Settings a session starts with unless the interviewer chooses otherwise. */
export const DEFAULT_SESSION_SETTINGS: SessionSettings = { templatesForCandidate: true, soloHints: false }

/** Someone who took part in a session, named as they were, with every role they held in it. */
export const participantSchema = z.object({
  userId: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
})

/** A participant of a session. */
export type Participant = z.infer<typeof participantSchema>

/**
 * A session: one interview (or solo practice) on a board. A board holds any
 * number of them, one running at a time. The record is the durable truth of
 * a session; while it runs, the room's session document mirrors it live.
 * Its board is named by log positions, never copied: the summary and replay
 * rebuild the board from the room's log up to `boardSeqEnd`.
 */
export const sessionRecordSchema = z.object({
  sessionId: sessionIdSchema,
  roomId: z.string(),
  /** The problem's title, or "Custom prompt". */
  title: z.string(),
  problemId: z.string().nullable(),
  customPrompt: z.string().nullable(),
  mode: z.enum(['pair', 'solo']),
  level: z.enum(sessionLevels),
  plan: z.array(phasePlanItemSchema),
  settings: sessionSettingsSchema,
  /** Parts of the problem revealed to the candidate (solo: to the user). */
  revealed: z.array(revealPartSchema),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  startedBy: z.string(),
  /** The clock's events, server time; frozen at the end. */
  events: z.array(timerEventSchema),
  participants: z.array(participantSchema),
  /** The board log position when the session started (the replay opens on the board as it was). */
  boardSeqStart: z.number().int().min(0),
  /** The board log position when it ended: its frozen end state. Null while it runs. */
  boardSeqEnd: z.number().int().min(0).nullable(),
})

/** A session record. */
export type SessionRecord = z.infer<typeof sessionRecordSchema>

/** Whether `userId` held `role` at any time during the session. */
export function heldRole(
  record: Pick<SessionRecord, 'participants'>,
  userId: string,
  role: Participant['roles'][number]
) {
  return record.participants.some((p) => p.userId === userId && p.roles.includes(role))
}

/**
 * Whether `person` ran `session`: held its interviewer role, was never its
 * candidate, and is an interviewer on the board now. Only they write a rubric
 * sheet for it (`canWriteSheet`) and may delete it (which erases every
 * interviewer's sheet and its recording). A role swap after the session never
 * lets its candidate score or erase the assessment, and an interviewer who
 * joined the board after it ended (or a co-interviewer who joined later and
 * never took part) cannot score a session they did not see, nor send that
 * score to its candidate, nor erase it (a session whose interviewers have all
 * left stays).
 */
export function ranSession(
  session: Pick<SessionRecord, 'participants'>,
  person: { userId: string; role: Participant['roles'][number] }
): boolean {
  return (
    person.role === 'interviewer' &&
    heldRole(session, person.userId, 'interviewer') &&
    !heldRole(session, person.userId, 'candidate')
  )
}

/**
 * Adds `userId` (named `name`) with `role` to the participants, or adds the
 * role to their list. Returns the same array when nothing changed.
 */
export function withParticipant(
  participants: readonly Participant[],
  person: { userId: string; name: string },
  role: Participant['roles'][number]
): Participant[] {
  const existing = participants.find((p) => p.userId === person.userId)
  if (existing?.roles.includes(role)) return participants as Participant[]
  if (existing) return participants.map((p) => (p === existing ? { ...p, roles: [...p.roles, role] } : p))
  return [...participants, { userId: person.userId, name: person.name, roles: [role] }]
}
