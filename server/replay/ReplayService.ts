import type { Actor } from '@/lib/access/actor'
import { canRestoreBoard } from '@/lib/access/roles'
import { readableSheet } from '@/lib/rubric/sheetAccess'
import { phaseMarks, wallTimeAt } from '@/lib/session/sessionTimeline'
import type { NoteMark, ReplayEntry, ReplayManifest } from '@/lib/replay/replayManifest'
import type { SessionRecord } from '@/lib/session/sessionRecord'
import type { RoomAccess } from '../access/RoomAccess'
import type { RoomStorage } from '../storage/RoomStorage'
import type { SessionStore } from '../sessions/SessionStore'
import { roomLogKey } from '../storage/roomLogKey'
import { RoomRequestError } from '../access/RoomRequestError'

export type { NoteMark, ReplayEntry, ReplayManifest }

/** The most log entries one chunk request returns. */
export const MAX_REPLAY_CHUNK = 2000

/**
 * The most update bytes one chunk holds (read from storage as a bound, so
 * the server never loads more for one request), except that a chunk always
 * holds at least one entry. 8 MiB is ~10,000 ordinary edits, and at most four
 * of the largest (2 MiB) updates: the JSON answer stays near 11 MB.
 */
export const MAX_REPLAY_CHUNK_BYTES = 8 * 1024 * 1024

/** How much of the board's life before a session's start and after its end the replay shows. */
export const REPLAY_MARGIN_MS = 5_000

/**
 * Serves recorded history to a board's members: the board's log (every
 * accepted update with server time and author), the recorded cursors, and
 * for a session its phases, end and rubric notes as timeline marks. A
 * session's replay runs on its own range: from a few seconds before its
 * start to a few after its end, and the board log only up to the position
 * the session ended at. Read only; both storage modes keep the same logs.
 */
export class ReplayService {
  constructor(private readonly deps: { access: RoomAccess; storage: RoomStorage; sessions: SessionStore }) {}

  /** The timeline's marks and the people. Members only; notes only from sheets the reader may read. */
  async manifest(roomId: string, actor: Actor, sessionId: string | null): Promise<ReplayManifest> {
    const { me, members, isOwner } = await this.deps.access.view(roomId, actor)
    const session = sessionId ? await this.requireSession(roomId, sessionId) : null
    const base = {
      role: me.role,
      canRestore: canRestoreBoard(me.role, isOwner),
      sessionId,
      members: members.map((m) => ({ userId: m.userId, name: m.name })),
    }
    if (!session) {
      return {
        ...base,
        phases: [],
        events: [],
        range: null,
        sessionStart: null,
        sessionEnd: null,
        boardSeqEnd: null,
        notes: null,
      }
    }
    const events = session.events
    const sheets = await this.deps.sessions.listSheets(roomId, session.sessionId)
    const notes: NoteMark[] = sheets.flatMap((s) => {
      const sheet = readableSheet(session, s, me)
      return (sheet?.notes ?? []).flatMap((note) => {
        const at = wallTimeAt(events, note.at)
        return at === null ? [] : [{ id: note.id, text: note.text, by: note.by, at }]
      })
    })
    const end = session.endedAt
    return {
      ...base,
      // Named as they were in the session, and everyone who is a member now.
      members: [
        ...session.participants.map((p) => ({ userId: p.userId, name: p.name })),
        ...base.members.filter((m) => !session.participants.some((p) => p.userId === m.userId)),
      ],
      phases: phaseMarks(session.plan, events),
      events,
      range: { start: session.startedAt - REPLAY_MARGIN_MS, end: end === null ? null : end + REPLAY_MARGIN_MS },
      sessionStart: session.startedAt,
      sessionEnd: end,
      boardSeqEnd: session.boardSeqEnd,
      notes: notes.length || sheets.some((s) => readableSheet(session, s, me)) ? notes : null,
    }
  }

  /**
   * A chunk of the board's log or of the recorded cursors, after `afterSeq`:
   * at most `limit` entries and {@link MAX_REPLAY_CHUNK_BYTES} of updates.
   * `done` is false while more follow (ask again after the last `seq`). With
   * a session, the board's log stops where the session ended. Members only.
   */
  async log(
    roomId: string,
    actor: Actor,
    stream: 'board' | 'presence',
    afterSeq: number,
    limit: number,
    sessionId: string | null
  ) {
    await this.deps.access.view(roomId, actor)
    const session = sessionId ? await this.requireSession(roomId, sessionId) : null
    const key = roomLogKey(roomId, stream)
    const size = Math.min(Math.max(limit, 1), MAX_REPLAY_CHUNK)
    const page = await this.deps.storage.readLogPage(key, afterSeq, {
      maxEntries: size,
      maxBytes: MAX_REPLAY_CHUNK_BYTES,
    })
    let entries = page.entries
    const stop =
      stream === 'board'
        ? (e: { seq: number }) => session?.boardSeqEnd != null && e.seq > session.boardSeqEnd
        : (e: { time: number }) => session?.endedAt != null && e.time > session.endedAt + REPLAY_MARGIN_MS
    const cut = entries.findIndex(stop)
    if (cut >= 0) entries = entries.slice(0, cut)
    return {
      entries: entries.map((e): ReplayEntry => ({
        seq: e.seq,
        time: e.time,
        author: e.author,
        data: Buffer.from(e.update).toString('base64'),
      })),
      done: !page.more || cut >= 0,
    }
  }

  /**
   * Whether the board has the session: one read, for the replay page, whose
   * guard has already let the reader in (the data itself comes from
   * {@link manifest} and {@link log}, which check the reader again).
   */
  async hasSession(roomId: string, sessionId: string): Promise<boolean> {
    return (await this.deps.sessions.getSession(roomId, sessionId)) !== null
  }

  private async requireSession(roomId: string, sessionId: string): Promise<SessionRecord> {
    const session = await this.deps.sessions.getSession(roomId, sessionId)
    if (!session) throw new RoomRequestError(404, 'no such session on this board')
    return session
  }
}
