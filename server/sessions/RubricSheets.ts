import type { Actor } from '@/lib/access/actor'
import { getProblem } from '@/lib/problems/problemBank'
import { redFlags } from '@/lib/rubric/rubricContent'
import { sessionRubric } from '@/lib/rubric/sessionRubric'
import { applySheetEdit, EMPTY_SHEET, MAX_SHEET_NOTES, type SheetEdit } from '@/lib/rubric/rubricSheet'
import { canWriteSheet } from '@/lib/rubric/sheetAccess'
import type { SheetRecord } from '@/lib/rubric/sheetRecord'
import type { SessionRecord } from '@/lib/session/sessionRecord'
import type { SheetView } from '@/lib/session/sessionView'
import type { RoomAccess } from '../access/RoomAccess'
import type { Member } from '../access/RoomDirectory'
import type { SessionService } from './SessionService'
import type { SessionStore } from './SessionStore'
import { RoomRequestError } from '../access/RoomRequestError'

/** What {@link RubricSheets} needs. */
export interface RubricSheetsDeps {
  access: RoomAccess
  store: SessionStore
  sessions: SessionService
  now?: () => number
}

const flagIds = new Set(redFlags.map((f) => f.id))

/**
 * Rubric sheets: one per session and interviewer, written only by its author
 * through the API (never over a WebSocket), validated before it is stored.
 * Who may read which sheet is `readableSheet`'s rule, applied with the
 * reader's role now; a sheet is writable by an interviewer of the session
 * who was never its candidate, during the session and after it (scores are
 * often written right after the interview; a solo self-score comes after the
 * end) until its author submits it, which freezes it.
 *
 * Edits to one sheet run one after another in this process; two servers
 * writing the same author's sheet at the same instant could lose one edit
 * (one author, so practically never).
 */
export class RubricSheets {
  private readonly now: () => number
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(private readonly deps: RubricSheetsDeps) {
    this.now = deps.now ?? Date.now
  }

  /** The actor's own sheet in a session (empty until their first edit). */
  async mine(roomId: string, sessionId: string, actor: Actor): Promise<SheetView> {
    const { me, session } = await this.context(roomId, sessionId, actor)
    if (!canWriteSheet(session, me) && !(await this.deps.store.getSheet(roomId, sessionId, actor.userId))) {
      throw new RoomRequestError(403, 'only an interviewer of this session has a rubric sheet')
    }
    return toView(await this.current(roomId, sessionId, actor))
  }

  /** Applies one edit to the actor's sheet. */
  async edit(roomId: string, sessionId: string, actor: Actor, edit: SheetEdit): Promise<SheetView> {
    if (edit.op === 'flag' && !flagIds.has(edit.flag)) throw new RoomRequestError(400, `no red flag ${edit.flag}`)
    return this.change(roomId, sessionId, actor, (record, session) => {
      // The session's plan picks its rubric: an LLD session scores the LLD dimensions, others the ten.
      if (edit.op === 'score' && !sessionRubric(session.plan).some((d) => d.id === edit.dimension))
        throw new RoomRequestError(400, `no dimension ${edit.dimension} in this session's rubric`)
      if (edit.op === 'tick' && !manualChecklistItems(session).has(edit.item)) {
        throw new RoomRequestError(400, 'only checklist items the board cannot decide are ticked by hand')
      }
      // Refused here with a reason, not by the stored schema's check as a server error.
      // A resent note (its id already stored: the answer to the first send was lost) is a no-op, not over the cap.
      const resent = edit.op === 'addNote' && record.sheet.notes.some((n) => n.id === edit.id)
      if (edit.op === 'addNote' && !resent && record.sheet.notes.length >= MAX_SHEET_NOTES) {
        throw new RoomRequestError(409, `a sheet holds at most ${MAX_SHEET_NOTES} notes: remove one to add another`)
      }
      return { ...record, sheet: applySheetEdit(record.sheet, edit, actor.name) }
    })
  }

  /**
   * Shares a copy of the actor's sheet with the session's candidate, or
   * withdraws it (while the session runs). Pair sessions only.
   */
  async share(roomId: string, sessionId: string, actor: Actor, shared: boolean): Promise<SheetView> {
    // A submitted sheet may still be shared: submitting fixes what it says, not who reads it.
    const view = await this.change(
      roomId,
      sessionId,
      actor,
      (record, session) => {
        if (session.mode !== 'pair') throw new RoomRequestError(409, 'a solo session has no candidate to share with')
        if (!shared && session.endedAt !== null)
          throw new RoomRequestError(409, 'the session has ended: a shared sheet stays shared')
        return { ...record, shared: shared ? { at: this.now(), sheet: record.sheet } : null }
      },
      { whoReads: true }
    )
    await this.deps.sessions.announceSheets(roomId, sessionId, actor)
    return view
  }

  /** Lets the session's other interviewers read the actor's sheet, or not. */
  async openToInterviewers(roomId: string, sessionId: string, actor: Actor, open: boolean): Promise<SheetView> {
    return this.change(roomId, sessionId, actor, (record) => ({ ...record, openToInterviewers: open }), {
      whoReads: true,
    })
  }

  /** Submits the actor's sheet: it never changes again. */
  async submit(roomId: string, sessionId: string, actor: Actor): Promise<SheetView> {
    return this.change(roomId, sessionId, actor, (record) => ({ ...record, submittedAt: this.now() }))
  }

  private async change(
    roomId: string,
    sessionId: string,
    actor: Actor,
    update: (record: SheetRecord, session: SessionRecord) => SheetRecord,
    /** The change is to who reads the sheet, not what it says: allowed after it was submitted. */
    { whoReads = false }: { whoReads?: boolean } = {}
  ): Promise<SheetView> {
    const key = `${roomId}/${sessionId}/${actor.userId}`
    const run = (this.queues.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        const { me, session } = await this.context(roomId, sessionId, actor)
        if (!canWriteSheet(session, me)) {
          throw new RoomRequestError(
            403,
            'only an interviewer of this session who was never its candidate may score it'
          )
        }
        const record = await this.current(roomId, sessionId, actor)
        if (record.submittedAt !== null && !whoReads)
          throw new RoomRequestError(409, 'this sheet was submitted and can no longer change')
        const next = { ...update(record, session), updatedAt: this.now() }
        await this.deps.store.putSheet(roomId, next)
        return toView(next)
      })
    this.queues.set(key, run)
    try {
      return await run
    } finally {
      if (this.queues.get(key) === run) this.queues.delete(key)
    }
  }

  private async current(roomId: string, sessionId: string, actor: Actor): Promise<SheetRecord> {
    return (
      (await this.deps.store.getSheet(roomId, sessionId, actor.userId)) ?? {
        sessionId,
        authorId: actor.userId,
        authorName: actor.name,
        sheet: EMPTY_SHEET,
        shared: null,
        openToInterviewers: false,
        submittedAt: null,
        updatedAt: this.now(),
      }
    )
  }

  private async context(
    roomId: string,
    sessionId: string,
    actor: Actor
  ): Promise<{ me: { userId: string; role: Member['role'] }; session: SessionRecord }> {
    // One directory read (the role now), not the whole room view: this runs on every edit.
    const [role, session] = await Promise.all([
      this.deps.access.roleOf(roomId, actor.userId),
      this.deps.store.getSession(roomId, sessionId),
    ])
    if (!role) throw new RoomRequestError(403, 'not a member of this room')
    if (!session) throw new RoomRequestError(404, 'no such session on this board')
    return { me: { userId: actor.userId, role }, session }
  }
}

/** The session's checklist items that no block on a board can satisfy: the ones a user ticks by hand. */
function manualChecklistItems(session: SessionRecord): Set<string> {
  const problem = session.problemId ? getProblem(session.problemId) : undefined
  return new Set(problem?.checklist.filter((c) => c.kinds.length === 0).map((c) => c.item) ?? [])
}

function toView(record: SheetRecord): SheetView {
  return {
    authorId: record.authorId,
    authorName: record.authorName,
    sheet: record.sheet,
    mine: true,
    sharedAt: record.shared?.at ?? null,
    openToInterviewers: record.openToInterviewers,
    submittedAt: record.submittedAt,
  }
}
