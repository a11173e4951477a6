import type { Actor } from '@/lib/access/actor'
import { getProblem } from '@/lib/problems/problemBank'
import { revealedProblem, type Problem, type PublicProblem } from '@/lib/problems/problemSchema'
import { readableSheet } from '@/lib/rubric/sheetAccess'
import type { SessionConfig } from '@/lib/session/sessionConfig'
import { planMismatch } from '@/lib/session/planForProblem'
import {
  appendTimerEvent,
  bumpSheetsVersion,
  clearSession,
  readSession,
  writeRecording,
  writeRevealed,
  writeSessionStart,
  writeSettings,
} from '@/lib/session/sessionDoc'
import {
  DEFAULT_SESSION_SETTINGS,
  REVEAL_PARTS,
  ranSession,
  withParticipant,
  type RevealPart,
  type SessionRecord,
  type SessionSettings,
} from '@/lib/session/sessionRecord'
import type { HistoryEntry, SessionView, SheetView } from '@/lib/session/sessionView'
import { computeTimer, type TimerEvent } from '@/lib/session/timer'
import { createRoomId } from '@/lib/room/roomId'
import type { RoomAccess, RoomView } from '../access/RoomAccess'
import type { Member } from '../access/RoomDirectory'
import type { RoomRegistry } from '../rooms/RoomRegistry'
import type { SessionStore } from './SessionStore'
import { roomLogKey } from '../storage/roomLogKey'
import { RoomRequestError } from '../access/RoomRequestError'

/** A clock action from the interviewer (or the solo user). */
export type ClockAction = { type: 'pause' | 'resume' | 'next' | 'end' } | { type: 'extend'; minutes: number }

/** What {@link SessionService} needs. */
export interface SessionServiceDeps {
  rooms: RoomRegistry
  access: RoomAccess
  store: SessionStore
  /** Where the sessions' recordings live; deleting a session deletes its audio. */
  audio?: { deleteSession(roomId: string, sessionId: string): Promise<void> }
  /** Server time; injectable for tests. */
  now?: () => number
}

/**
 * Runs interview sessions on the server's authority. A board holds any
 * number of sessions, one running at a time; each is a record in the
 * session store (its problem, plan, clock, participants with the roles they
 * held, revealed parts, and the board's log positions at its start and end).
 * While a session runs, the room's session document mirrors it for live
 * clocks; it never carries anything private.
 *
 * Only interviewers (by their role now) start a session or touch it. Every
 * change goes through the room pipeline (log, then fan-out to every server),
 * so the clock survives restarts and replay can show phase changes. Rubric
 * sheets are {@link RubricSheets}'.
 */
export class SessionService {
  private readonly now: () => number

  constructor(private readonly deps: SessionServiceDeps) {
    this.now = deps.now ?? Date.now
  }

  /** Starts a new session on the board. Interviewers only; refused while another runs. */
  async start(roomId: string, actor: Actor, config: SessionConfig): Promise<SessionRecord> {
    const view = await this.requireInterviewer(roomId, actor)
    const problem = config.problemId ? getProblem(config.problemId) : undefined
    if (config.problemId && !problem) throw new RoomRequestError(400, `no problem with id ${config.problemId}`)
    const mismatch = problem ? planMismatch(problem.category, config.plan) : null
    if (mismatch) throw new RoomRequestError(400, mismatch)
    const running = await this.newest(roomId)
    if (running && running.endedAt === null) throw new RoomRequestError(409, 'a session is running: end it first')
    const at = this.now()
    const settings: SessionSettings = config.settings ?? DEFAULT_SESSION_SETTINGS
    const revealed: RevealPart[] = config.revealAll ? [...REVEAL_PARTS] : []
    const board = await this.deps.rooms.acquire(roomId, { seed: true })
    let boardSeqStart: number
    try {
      await board.flush()
      boardSeqStart = board.logSeq
    } finally {
      this.deps.rooms.release(board)
    }
    const record: SessionRecord = {
      sessionId: createRoomId(),
      roomId,
      title: problem?.title ?? 'Custom prompt',
      problemId: problem?.id ?? null,
      customPrompt: config.customPrompt ?? null,
      mode: config.mode,
      level: config.level,
      plan: config.plan,
      settings,
      revealed,
      startedAt: at,
      endedAt: null,
      startedBy: actor.userId,
      events: [{ type: 'start', at }],
      participants: membersAsParticipants(config.mode === 'solo' ? [view.me] : view.members),
      boardSeqStart,
      boardSeqEnd: null,
    }
    await this.deps.store.putSession(record)
    await this.writeDoc(roomId, actor, (doc) =>
      writeSessionStart(doc, { id: record.sessionId, config, startedBy: actor.userId, at, revealed, settings })
    )
    return record
  }

  /** Pauses, resumes, advances, extends or ends the running session's clock, stamped with server time. */
  async control(roomId: string, actor: Actor, action: ClockAction): Promise<SessionRecord> {
    const view = await this.requireInterviewer(roomId, actor)
    const record = await this.requireRunning(roomId)
    const at = this.now()
    const event: TimerEvent =
      action.type === 'extend' ? { type: 'extend', at, minutes: action.minutes } : { ...action, at }
    const events = [...record.events, event]
    const ended = computeTimer(record.plan, events, at).status === 'ended'
    let next: SessionRecord = { ...record, events }
    if (ended) {
      const board = await this.deps.rooms.acquire(roomId, { seed: true })
      try {
        await board.flush()
        next = {
          ...next,
          endedAt: at,
          boardSeqEnd: board.logSeq,
          participants: record.mode === 'solo' ? record.participants : mergeMembers(record.participants, view.members),
        }
      } finally {
        this.deps.rooms.release(board)
      }
    }
    await this.deps.store.putSession(next)
    await this.writeDoc(roomId, actor, (doc) => appendTimerEvent(doc, event))
    return next
  }

  /** Reveals parts of the problem to the candidate (they arrive in the candidate's next view). */
  async reveal(roomId: string, actor: Actor, parts: RevealPart[]): Promise<SessionRecord> {
    await this.requireInterviewer(roomId, actor)
    const record = await this.requireRunning(roomId)
    const revealed = REVEAL_PARTS.filter((p) => record.revealed.includes(p) || parts.includes(p))
    const next = { ...record, revealed }
    await this.deps.store.putSession(next)
    await this.writeDoc(roomId, actor, (doc) => writeRevealed(doc, revealed))
    return next
  }

  /** Changes the running session's settings (templates for the candidate, hints in solo). */
  async updateSettings(roomId: string, actor: Actor, settings: SessionSettings): Promise<SessionRecord> {
    await this.requireInterviewer(roomId, actor)
    const record = await this.requireRunning(roomId)
    const next = { ...record, settings }
    await this.deps.store.putSession(next)
    await this.writeDoc(roomId, actor, (doc) => writeSettings(doc, settings))
    return next
  }

  /**
   * A session as `actor` may see it: the named one, or the board's newest.
   * Members only. A member who joins a running session is recorded as taking
   * part, with their role.
   */
  async view(roomId: string, actor: Actor, sessionId?: string): Promise<SessionView> {
    const room = await this.deps.access.view(roomId, actor)
    let record = sessionId ? await this.deps.store.getSession(roomId, sessionId) : await this.newest(roomId)
    if (sessionId && !record) throw new RoomRequestError(404, 'no such session on this board')
    if (record && record.endedAt === null && record.mode === 'pair') record = await this.track(record, room.me)
    return {
      role: room.me.role,
      isOwner: room.isOwner,
      mayDelete: record ? ranSession(record, room.me) : false,
      heldRoles: record?.participants.find((p) => p.userId === room.me.userId)?.roles ?? [],
      session: record,
      problem: record ? problemFor(record, room.me.role) : null,
      sheets: record ? await this.readableSheets(record, room.me) : [],
    }
  }

  /**
   * Deletes an ended session: its record, rubric sheets, recordings and its
   * place in every participant's history. The board's edits stay (they are
   * the board's history, not the session's). Only who ran it as an
   * interviewer (`ranSession`); a running session must be ended first,
   * so nobody is scored into a deleted record.
   */
  async delete(roomId: string, actor: Actor, sessionId: string): Promise<void> {
    const view = await this.requireInterviewer(roomId, actor)
    const record = await this.deps.store.getSession(roomId, sessionId)
    if (!record) throw new RoomRequestError(404, 'no such session on this board')
    if (!ranSession(record, view.me)) {
      throw new RoomRequestError(
        403,
        'only an interviewer who ran this session, and was never its candidate, may delete it'
      )
    }
    if (record.endedAt === null) throw new RoomRequestError(409, 'the session is running: end it before deleting it')
    await this.deps.store.deleteSession(roomId, sessionId)
    await this.deps.audio?.deleteSession(roomId, sessionId)
    await this.writeDoc(roomId, actor, (doc) => {
      if (readSession(doc)?.id === sessionId) clearSession(doc)
    })
  }

  /** The board's sessions, newest first. Members only. */
  async listForRoom(roomId: string, actor: Actor): Promise<SessionRecord[]> {
    await this.deps.access.view(roomId, actor)
    return this.deps.store.listRoomSessions(roomId)
  }

  /**
   * The actor's sessions, newest first, on boards they are still a member of,
   * with the roles they held and the scores they gave or received.
   */
  async listForUser(actor: Actor): Promise<HistoryEntry[]> {
    const records = await this.deps.store.listUserSessions(actor.userId)
    const entries = await Promise.all(
      records.map(async (session): Promise<HistoryEntry | null> => {
        const role = await this.deps.access.roleOf(session.roomId, actor.userId)
        if (!role) return null
        const sheets = await this.deps.store.listSheets(session.roomId, session.sessionId)
        const mine = sheets.find((s) => s.authorId === actor.userId)
        const received = sheets.flatMap((s) => {
          if (s.authorId === actor.userId) return []
          const readable = readableSheet(session, s, { userId: actor.userId, role: 'candidate' })
          return readable && s.shared ? [s.shared.sheet] : []
        })
        const roles = session.participants.find((p) => p.userId === actor.userId)?.roles ?? []
        return { session, roles, given: mine?.sheet ?? null, received }
      })
    )
    return entries.filter((e): e is HistoryEntry => e !== null)
  }

  /**
   * Records that `userId`'s role changed (a swap, a role change): a running
   * pair session adds the new role to their participation, so what they may
   * read of it follows every role they held. Called by the access rules.
   */
  async noteRoleChange(roomId: string, member: Member): Promise<void> {
    const record = await this.newest(roomId)
    if (record && record.endedAt === null && record.mode === 'pair') await this.track(record, member)
  }

  /** Tells readers of the session doc that a sheet was shared or withdrawn. */
  async announceSheets(roomId: string, sessionId: string, actor: Actor): Promise<void> {
    const newest = await this.newest(roomId)
    if (newest?.sessionId !== sessionId) return
    await this.writeDoc(roomId, actor, (doc) => bumpSheetsVersion(doc))
  }

  /** Tells everyone in the room that recording turned on or off (when `sessionId` is the board's current session). */
  async announceRecording(roomId: string, sessionId: string, actor: Actor, on: boolean): Promise<void> {
    const newest = await this.newest(roomId)
    if (newest?.sessionId !== sessionId) return
    await this.writeDoc(roomId, actor, (doc) => writeRecording(doc, on))
  }

  private async readableSheets(record: SessionRecord, me: Member): Promise<SheetView[]> {
    const sheets = await this.deps.store.listSheets(record.roomId, record.sessionId)
    return sheets.flatMap((s): SheetView[] => {
      const sheet = readableSheet(record, s, me)
      if (!sheet) return []
      const mine = s.authorId === me.userId
      return [
        {
          authorId: s.authorId,
          authorName: s.authorName,
          sheet,
          mine,
          sharedAt: s.shared?.at ?? null,
          openToInterviewers: s.openToInterviewers,
          submittedAt: s.submittedAt,
        },
      ]
    })
  }

  private async track(record: SessionRecord, member: Member): Promise<SessionRecord> {
    const participants = withParticipant(record.participants, member, member.role)
    if (participants === record.participants) return record
    const next = { ...record, participants }
    await this.deps.store.putSession(next)
    return next
  }

  private async newest(roomId: string): Promise<SessionRecord | null> {
    return (await this.deps.store.listRoomSessions(roomId, 1))[0] ?? null
  }

  private async requireRunning(roomId: string): Promise<SessionRecord> {
    const record = await this.newest(roomId)
    if (!record) throw new RoomRequestError(409, 'no session has been started on this board')
    if (record.endedAt !== null) throw new RoomRequestError(409, 'the session has ended')
    return record
  }

  private async requireInterviewer(roomId: string, actor: Actor): Promise<RoomView> {
    const view = await this.deps.access.view(roomId, actor)
    if (view.me.role !== 'interviewer') throw new RoomRequestError(403, 'only an interviewer may run the session')
    return view
  }

  /** Changes the room's session doc through the room pipeline (logged, fanned out). */
  private async writeDoc(roomId: string, actor: Actor, change: Parameters<RoomRegistryRoom['applyServerChange']>[1]) {
    const room = await this.deps.rooms.acquire(roomLogKey(roomId, 'session'), { seed: false })
    try {
      await room.applyServerChange(actor.userId, change)
    } finally {
      this.deps.rooms.release(room)
    }
  }
}

type RoomRegistryRoom = Awaited<ReturnType<RoomRegistry['acquire']>>

/**
 * The problem as `role` may see it in `record`: interviewers get it whole
 * (but a running solo session keeps the checklist and follow-ups for after
 * the end, and hints unless the user asked for them); everyone else gets the
 * prompt and the revealed parts.
 */
function problemFor(record: SessionRecord, role: Member['role']): Problem | PublicProblem | null {
  const problem = record.problemId ? getProblem(record.problemId) : undefined
  if (!problem) return null
  if (role !== 'interviewer') return revealedProblem(problem, record.revealed)
  if (record.mode === 'solo' && record.endedAt === null) {
    return {
      ...revealedProblem(problem, record.revealed),
      followUps: [],
      hints: record.settings.soloHints ? problem.hints : [],
      checklist: [],
      sources: problem.sources,
    }
  }
  return problem
}

function membersAsParticipants(members: readonly Member[]) {
  return members.map((m) => ({ userId: m.userId, name: m.name, roles: [m.role] }))
}

function mergeMembers(participants: SessionRecord['participants'], members: readonly Member[]) {
  return members.reduce((acc, m) => withParticipant(acc, m, m.role), participants)
}
