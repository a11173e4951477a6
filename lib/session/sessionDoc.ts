import * as Y from 'yjs'
import { z } from 'zod'
import { sessionConfigSchema, type SessionConfig } from './sessionConfig'
import { timerEventSchema, type TimerEvent } from './timer'
import {
  DEFAULT_SESSION_SETTINGS,
  revealPartSchema,
  sessionSettingsSchema,
  type RevealPart,
  type SessionSettings,
} from './sessionRecord'

/**
 * A room's session document (`/collab/<roomId>/session`): every member reads
 * it, only the server writes it. It mirrors the board's current (or last)
 * session live: its id, configuration, clock events (server time), which
 * parts of the problem are revealed, the interviewer's settings, and a
 * counter that moves when a rubric sheet is shared or withdrawn (so the
 * candidate's page refetches it). It never holds anything private: no rubric,
 * no requirement text; the past sessions live in the session records.
 *
 * Layout: one `Y.Map` named `session` with `id`, `config` (JSON), `startedBy`,
 * `events` (a `Y.Array` of JSON events), `revealed` (JSON array), `settings`
 * (JSON), `sheetsVersion` (number) and `recording` (boolean: whether the
 * session records the microphones of those who agree).
 */
const SESSION = 'session'

/** Everything the session doc holds, validated. */
export interface SessionSnapshot {
  /** The session's id; empty for a doc written by a release before sessions had ids. */
  id: string
  config: SessionConfig
  startedBy: string
  events: TimerEvent[]
  revealed: RevealPart[]
  settings: SessionSettings
  sheetsVersion: number
  /** Whether the session records the microphones of those who agree (false when never set). */
  recording: boolean
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
  return {
    id: z.string().catch('').parse(map.get('id')),
    config: config.data,
    startedBy: z.string().catch('').parse(map.get('startedBy')),
    events: events.flatMap((e) => {
      const parsed = timerEventSchema.safeParse(e)
      return parsed.success ? [parsed.data] : []
    }),
    revealed: z.array(revealPartSchema).catch([]).parse(map.get('revealed')),
    settings: sessionSettingsSchema.catch(DEFAULT_SESSION_SETTINGS).parse(map.get('settings')),
    sheetsVersion: z.number().catch(0).parse(map.get('sheetsVersion')),
    recording: z.boolean().catch(false).parse(map.get('recording')),
  }
}

/** What a new session writes into the doc. */
export interface SessionStart {
  id: string
  config: SessionConfig
  startedBy: string
  at: number
  revealed: RevealPart[]
  settings: SessionSettings
}

/** Starts a session: replaces whatever the doc held with the new session and a clock started at `at`. */
export function writeSessionStart(doc: Y.Doc, start: SessionStart): void {
  doc.transact(() => {
    const map = sessionMap(doc)
    for (const key of [...map.keys()]) map.delete(key)
    const events = new Y.Array<TimerEvent>()
    events.push([{ type: 'start', at: start.at }])
    map.set('id', start.id)
    map.set('config', start.config)
    map.set('startedBy', start.startedBy)
    map.set('events', events)
    map.set('revealed', start.revealed)
    map.set('settings', start.settings)
    map.set('sheetsVersion', 0)
  })
}

/** Appends a clock event. */
export function appendTimerEvent(doc: Y.Doc, event: TimerEvent): void {
  const events = sessionMap(doc).get('events')
  if (!(events instanceof Y.Array)) throw new Error('no session has been started')
  events.push([event])
}

/** Sets the revealed parts of the problem. */
export function writeRevealed(doc: Y.Doc, revealed: RevealPart[]): void {
  sessionMap(doc).set('revealed', revealed)
}

/** Sets the session's settings. */
export function writeSettings(doc: Y.Doc, settings: SessionSettings): void {
  sessionMap(doc).set('settings', settings)
}

/** Tells readers that a sheet was shared or withdrawn (they refetch what they may read). */
export function bumpSheetsVersion(doc: Y.Doc): void {
  const map = sessionMap(doc)
  map.set('sheetsVersion', z.number().catch(0).parse(map.get('sheetsVersion')) + 1)
}

/** Tells readers that recording turned on or off for the session. */
export function writeRecording(doc: Y.Doc, on: boolean): void {
  sessionMap(doc).set('recording', on)
}

/** Names the session a doc written by an earlier release holds (migration). */
export function writeSessionId(doc: Y.Doc, id: string): void {
  sessionMap(doc).set('id', id)
}

/** Empties the session doc: the session it mirrored was deleted, so readers see no session. */
export function clearSession(doc: Y.Doc): void {
  const map = sessionMap(doc)
  for (const key of [...map.keys()]) map.delete(key)
}
