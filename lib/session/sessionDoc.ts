import * as Y from 'yjs'
import { z } from 'zod'
import { sessionConfigSchema, type SessionConfig } from './sessionConfig'
import { timerEventSchema, type TimerEvent } from './timer'
import { rubricSheetSchema, type RubricSheet } from '../rubric/rubricSheet'

/**
 * A room's session document (`/collab/<roomId>/session`): every member reads
 * it, only the server writes it. It holds the session's configuration, the
 * clock's events (server time) and, once the interviewer shares it, a
 * read-only copy of the rubric.
 *
 * Layout: one `Y.Map` named `session` with `config` (JSON), `startedBy`
 * (user id), `events` (a `Y.Array` of JSON events) and `sharedRubric` (JSON).
 */
const SESSION = 'session'

/** Everything the session doc holds, validated. */
export interface SessionSnapshot {
  config: SessionConfig
  startedBy: string
  events: TimerEvent[]
  sharedRubric: RubricSheet | null
}

function sessionMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(SESSION)
}

/**
 * Reads the session, or null when none was started. Entries that fail their
 * schema are dropped: the doc is server-written, but a reader never trusts
 * stored data to be well formed.
 */
export function readSession(doc: Y.Doc): SessionSnapshot | null {
  const map = sessionMap(doc)
  const config = sessionConfigSchema.safeParse(map.get('config'))
  if (!config.success) return null
  const rawEvents = map.get('events')
  const events = rawEvents instanceof Y.Array ? rawEvents.toArray() : []
  const shared = rubricSheetSchema.safeParse(map.get('sharedRubric'))
  return {
    config: config.data,
    startedBy: z.string().catch('').parse(map.get('startedBy')),
    events: events.flatMap((e) => {
      const parsed = timerEventSchema.safeParse(e)
      return parsed.success ? [parsed.data] : []
    }),
    sharedRubric: shared.success ? shared.data : null,
  }
}

/** Starts (or restarts) the session: new config, a clock started at `at`, no shared rubric. */
export function writeSessionStart(doc: Y.Doc, config: SessionConfig, startedBy: string, at: number): void {
  doc.transact(() => {
    const map = sessionMap(doc)
    const events = new Y.Array<TimerEvent>()
    events.push([{ type: 'start', at }])
    map.set('config', config)
    map.set('startedBy', startedBy)
    map.set('events', events)
    map.delete('sharedRubric')
  })
}

/** Appends a clock event. */
export function appendTimerEvent(doc: Y.Doc, event: TimerEvent): void {
  const events = sessionMap(doc).get('events')
  if (!(events instanceof Y.Array)) throw new Error('no session has been started')
  events.push([event])
}

/** Publishes a read-only copy of the rubric to everyone in the room. */
export function writeSharedRubric(doc: Y.Doc, sheet: RubricSheet): void {
  sessionMap(doc).set('sharedRubric', sheet)
}
