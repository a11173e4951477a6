import type * as Y from 'yjs'
import type { Actor } from '@/lib/access/actor'
import type { Role } from '@/lib/access/roles'
import { readRubricSheet } from '@/lib/rubric/rubricSheet'
import { readSession } from '@/lib/session/sessionDoc'
import { phaseMarks, wallTimeAt, type PhaseMark } from '@/lib/session/sessionTimeline'
import type { TimerEvent } from '@/lib/session/timer'
import type { RoomAccess } from '../access/RoomAccess'
import type { RoomRegistry } from '../rooms/RoomRegistry'
import { presenceLogKey } from '../rooms/PresenceRecorder'
import type { RoomStorage } from '../storage/RoomStorage'

/** The most log entries one chunk request returns. */
export const MAX_REPLAY_CHUNK = 2000

/** A rubric note placed on the replay's timeline (interviewers only). */
export interface NoteMark {
  id: string
  text: string
  by: string
  /** Server time of the moment the note was written (from the session clock). */
  at: number
}

/** What the replay page needs before the log: who is who, the phases, and (for interviewers) the notes. */
export interface ReplayManifest {
  role: Role
  members: { userId: string; name: string }[]
  phases: PhaseMark[]
  /** The session clock's events, to turn a session-clock time (`?clock=`) into a moment. */
  events: TimerEvent[]
  sessionStart: number | null
  sessionEnd: number | null
  /** Null for candidates and observers: rubric notes are the interviewers'. */
  notes: NoteMark[] | null
}

/** One log entry as the replay API sends it: the update (or presence JSON) base64-encoded. */
export interface ReplayEntry {
  seq: number
  time: number
  author: string
  data: string
}

/**
 * Serves a room's recorded history to its members: the board's log (every
 * accepted update with server time and author), the recorded cursors, and
 * the session's phases and rubric notes as timeline marks. Read only; the
 * logs are the same in both storage modes, so replay is too.
 */
export class ReplayService {
  constructor(private readonly deps: { access: RoomAccess; storage: RoomStorage; rooms: RoomRegistry }) {}

  /** The timeline's marks and the people in the room. Members only; notes for interviewers only. */
  async manifest(roomId: string, actor: Actor): Promise<ReplayManifest> {
    const { me, members } = await this.deps.access.view(roomId, actor)
    const session = await this.read(`${roomId}.session`, (doc) => readSession(doc))
    const events = session?.events ?? []
    const notes =
      me.role === 'interviewer'
        ? (await this.read(`${roomId}.private`, (doc) => readRubricSheet(doc))).notes.flatMap((note) => {
            const at = wallTimeAt(events, note.at)
            return at === null ? [] : [{ id: note.id, text: note.text, by: note.by, at }]
          })
        : null
    return {
      role: me.role,
      members: members.map((m) => ({ userId: m.userId, name: m.name })),
      phases: session ? phaseMarks(session.config.plan, events) : [],
      events,
      sessionStart: events.find((e) => e.type === 'start')?.at ?? null,
      sessionEnd: events.find((e) => e.type === 'end')?.at ?? null,
      notes,
    }
  }

  /** A chunk of the board's log or of the recorded cursors, after `afterSeq`. Members only. */
  async log(roomId: string, actor: Actor, stream: 'board' | 'presence', afterSeq: number, limit: number) {
    await this.deps.access.view(roomId, actor)
    const key = stream === 'board' ? roomId : presenceLogKey(roomId)
    const size = Math.min(Math.max(limit, 1), MAX_REPLAY_CHUNK)
    const entries = await this.deps.storage.readLog(key, afterSeq, size)
    return {
      entries: entries.map((e): ReplayEntry => ({
        seq: e.seq,
        time: e.time,
        author: e.author,
        data: Buffer.from(e.update).toString('base64'),
      })),
      done: entries.length < size,
    }
  }

  private async read<T>(key: string, use: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.deps.rooms.acquire(key, { seed: false })
    try {
      return use(room.doc)
    } finally {
      this.deps.rooms.release(room)
    }
  }
}
