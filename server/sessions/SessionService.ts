import type * as Y from 'yjs'
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { getRecordsMap, readDocSchema, yMapToRecord } from '@/lib/binding/yRecords'
import type { Actor } from '@/lib/access/actor'
import { getProblem } from '@/lib/problems/problemBank'
import { publicProblem, type Problem, type PublicProblem } from '@/lib/problems/problemSchema'
import { rollUp } from '@/lib/rubric/rollUp'
import { readRubricSheet, type RubricSheet } from '@/lib/rubric/rubricSheet'
import type { SessionConfig } from '@/lib/session/sessionConfig'
import {
  appendTimerEvent,
  readSession,
  writeSessionStart,
  writeSharedRubric,
  type SessionSnapshot,
} from '@/lib/session/sessionDoc'
import { computeTimer, type TimerEvent } from '@/lib/session/timer'
import type { Role } from '@/lib/access/roles'
import { AccessError, type RoomAccess } from '../access/RoomAccess'
import type { Room } from '../rooms/Room'
import type { RoomRegistry } from '../rooms/RoomRegistry'
import type { SessionRecord, SessionStore } from './SessionStore'

/** A clock action from the interviewer (or the solo user). */
export type ClockAction = { type: 'pause' | 'resume' | 'next' | 'end' } | { type: 'extend'; minutes: number }

/** What a member gets from `GET /api/rooms/<id>/session`, cut to their role. */
export interface SessionView {
  role: Role
  session: Omit<SessionSnapshot, 'sharedRubric'> | null
  /** The whole problem for interviewers; prompt and requirements for everyone else. */
  problem: Problem | PublicProblem | null
  /** The interviewer's own sheet; for others the shared copy, or null until shared. */
  rubric: RubricSheet | null
  record: SessionRecord | null
}

/** A board as tldraw's `TLStoreSnapshot`: records by id, and the schema they follow. */
export interface BoardSnapshot {
  schema: SerializedSchema
  store: Record<string, TLRecord>
}

/** What {@link SessionService} needs. */
export interface SessionServiceDeps {
  rooms: RoomRegistry
  access: RoomAccess
  store: SessionStore
  /** Server time; injectable for tests. */
  now?: () => number
}

/**
 * Runs interview sessions on the server's authority: only interviewers start
 * one or touch its clock, every clock event carries server time, and the
 * rubric leaves the private document only when an interviewer shares it.
 * Writes go through the room pipeline (log, then fan-out to every server),
 * so the clock survives restarts and replay can show phase changes.
 */
export class SessionService {
  private readonly now: () => number

  constructor(private readonly deps: SessionServiceDeps) {
    this.now = deps.now ?? Date.now
  }

  /** Starts (or restarts) the room's session. Interviewers only. */
  async start(roomId: string, actor: Actor, config: SessionConfig): Promise<SessionRecord> {
    const view = await this.requireInterviewer(roomId, actor)
    const problem = config.problemId ? getProblem(config.problemId) : undefined
    if (config.problemId && !problem) throw new AccessError(400, `no problem with id ${config.problemId}`)
    const at = this.now()
    await this.withDoc(roomId, 'session', (room) =>
      room.applyServerChange(actor.userId, (doc) => writeSessionStart(doc, config, actor.userId, at))
    )
    const candidate = view.members.find((m) => m.role === 'candidate')
    const record: SessionRecord = {
      roomId,
      title: problem?.title ?? 'Custom prompt',
      problemId: problem?.id ?? null,
      mode: config.mode,
      level: config.level,
      startedAt: at,
      endedAt: null,
      startedBy: actor.userId,
      participants: view.members.map((m) => m.userId),
      candidateId: config.mode === 'solo' ? actor.userId : (candidate?.userId ?? null),
      scores: {},
      recommendation: null,
      scoresShared: config.mode === 'solo',
    }
    await this.deps.store.put(record)
    return record
  }

  /** Pauses, resumes, advances, extends or ends the clock, stamped with server time. Interviewers only. */
  async control(roomId: string, actor: Actor, action: ClockAction): Promise<void> {
    const view = await this.requireInterviewer(roomId, actor)
    const at = this.now()
    const event: TimerEvent =
      action.type === 'extend' ? { type: 'extend', at, minutes: action.minutes } : { ...action, at }
    let ended = false
    await this.withDoc(roomId, 'session', async (room) => {
      const session = readSession(room.doc)
      if (!session) throw new AccessError(409, 'no session has been started in this room')
      if (computeTimer(session.config.plan, session.events, at).status === 'ended') {
        throw new AccessError(409, 'the session has ended')
      }
      await room.applyServerChange(actor.userId, (doc) => appendTimerEvent(doc, event))
      ended = computeTimer(session.config.plan, [...session.events, event], at).status === 'ended'
    })
    if (ended) {
      await this.updateRecord(roomId, (record) => ({
        ...record,
        endedAt: at,
        participants: [...new Set([...record.participants, ...view.members.map((m) => m.userId)])],
      }))
    }
  }

  /** Saves the interviewer's current scores into the session record (for the summary and history). */
  async saveScores(roomId: string, actor: Actor): Promise<SessionRecord> {
    await this.requireInterviewer(roomId, actor)
    const sheet = await this.withDoc(roomId, 'private', async (room) => readRubricSheet(room.doc))
    return this.updateRecord(roomId, (record) => ({
      ...record,
      scores: sheet.scores,
      recommendation: sheet.recommendation ?? rollUp(sheet, record.level).recommendation,
    }))
  }

  /** Publishes a read-only copy of the rubric to everyone in the room, and saves the scores. */
  async shareRubric(roomId: string, actor: Actor): Promise<SessionRecord> {
    await this.requireInterviewer(roomId, actor)
    const sheet = await this.withDoc(roomId, 'private', async (room) => readRubricSheet(room.doc))
    await this.withDoc(roomId, 'session', async (room) => {
      if (!readSession(room.doc)) throw new AccessError(409, 'no session has been started in this room')
      await room.applyServerChange(actor.userId, (doc) => writeSharedRubric(doc, sheet))
    })
    await this.saveScores(roomId, actor)
    return this.updateRecord(roomId, (record) => ({ ...record, scoresShared: true }))
  }

  /** The session as this member may see it. */
  async view(roomId: string, actor: Actor): Promise<SessionView> {
    const { me } = await this.deps.access.view(roomId, actor)
    const interviewer = me.role === 'interviewer'
    const snapshot = await this.withDoc(roomId, 'session', async (room) => readSession(room.doc))
    const rubric = interviewer
      ? await this.withDoc(roomId, 'private', async (room) => readRubricSheet(room.doc))
      : (snapshot?.sharedRubric ?? null)
    const problem = snapshot?.config.problemId ? getProblem(snapshot.config.problemId) : undefined
    const record = await this.deps.store.get(roomId)
    return {
      role: me.role,
      session: snapshot ? { config: snapshot.config, startedBy: snapshot.startedBy, events: snapshot.events } : null,
      problem: problem ? (interviewer ? problem : publicProblem(problem)) : null,
      rubric,
      record: record && (interviewer || record.scoresShared) ? record : record && hideScores(record),
    }
  }

  /**
   * The board as a tldraw store snapshot (document records and schema), for
   * the summary's picture of the board. Any member may read it.
   */
  async boardSnapshot(roomId: string, actor: Actor): Promise<BoardSnapshot | null> {
    await this.deps.access.view(roomId, actor)
    const room = await this.deps.rooms.acquire(roomId, { seed: false })
    try {
      const schema = readDocSchema(room.doc)
      if (!schema) return null
      const store: Record<string, TLRecord> = {}
      getRecordsMap(room.doc).forEach((yRecord, id) => {
        const record = yMapToRecord(yRecord)
        if (record.typeName !== 'user') store[id] = record
      })
      return { schema, store }
    } finally {
      this.deps.rooms.release(room)
    }
  }

  /** The actor's sessions, newest first; scores only where the actor may see them. */
  async listForUser(actor: Actor): Promise<SessionRecord[]> {
    const records = await this.deps.store.listForUser(actor.userId)
    return records.map((r) => (r.scoresShared || r.startedBy === actor.userId ? r : hideScores(r)))
  }

  private async requireInterviewer(roomId: string, actor: Actor) {
    const view = await this.deps.access.view(roomId, actor)
    if (view.me.role !== 'interviewer') throw new AccessError(403, 'only an interviewer may run the session')
    return view
  }

  private async updateRecord(roomId: string, change: (record: SessionRecord) => SessionRecord): Promise<SessionRecord> {
    const record = await this.deps.store.get(roomId)
    if (!record) throw new AccessError(409, 'no session has been started in this room')
    const next = change(record)
    await this.deps.store.put(next)
    return next
  }

  /** Runs `use` with the room's document loaded (and released after). */
  private async withDoc<T>(
    roomId: string,
    doc: 'session' | 'private',
    use: (room: Room & { doc: Y.Doc }) => Promise<T>
  ): Promise<T> {
    const room = await this.deps.rooms.acquire(`${roomId}.${doc}`, { seed: false })
    try {
      return await use(room)
    } finally {
      this.deps.rooms.release(room)
    }
  }
}

function hideScores(record: SessionRecord): SessionRecord {
  return { ...record, scores: {}, recommendation: null }
}
