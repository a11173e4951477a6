import * as Y from 'yjs'
import { z } from 'zod'
import type { Logger } from 'pino'
import { sessionConfigSchema } from '@/lib/session/sessionConfig'
import { readSession, writeSessionId } from '@/lib/session/sessionDoc'
import {
  DEFAULT_SESSION_SETTINGS,
  REVEAL_PARTS,
  type Participant,
  type SessionRecord,
} from '@/lib/session/sessionRecord'
import { EMPTY_SHEET } from '@/lib/rubric/rubricSheet'
import type { RoomDirectory } from '../access/RoomDirectory'
import type { RoomStorage } from '../storage/RoomStorage'
import { readLegacyRubric } from './legacyRubric'
import type { SessionStore } from './SessionStore'
import { roomLogKey } from '../storage/roomLogKey'

/** Access to the records an earlier release stored (one session per room). */
export interface LegacySessions {
  /** The legacy records, raw (validated by the migration). */
  pending(): Promise<unknown[]>
  /** Marks every legacy record migrated, so the next start skips them. */
  finish(): Promise<void>
}

/** The record of the release with one session per room. */
const legacyRecordSchema = z.object({
  roomId: z.string(),
  title: z.string(),
  problemId: z.string().nullable(),
  mode: z.enum(['pair', 'solo']),
  level: z.enum(['mid', 'senior', 'staff']),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  startedBy: z.string(),
  participants: z.array(z.string()),
  candidateId: z.string().nullable(),
  scoresShared: z.boolean(),
})

/** The id a migrated session gets: stable, so running the migration twice (or on two servers) is harmless. */
export function legacySessionId(roomId: string): string {
  return `legacy-${roomId}`
}

/** What the migration reads and writes. */
export interface MigrationDeps {
  legacy: LegacySessions
  store: SessionStore
  storage: RoomStorage
  directory: RoomDirectory
  logger: Logger
}

/**
 * Moves sessions of the one-session-per-room release to the session model:
 * each becomes a session record (`legacy-<room>`) with its clock from the
 * room's session document, its rubric (from the room's `private` document)
 * becomes the starting interviewer's sheet (shared if it was), the session
 * document is named with the id and loses its old shared-rubric copy (which
 * every member could read), and an ended session's board is frozen at the
 * last log entry before its end. Idempotent. Returns how many it migrated.
 */
export async function migrateLegacySessions(deps: MigrationDeps): Promise<number> {
  let migrated = 0
  for (const raw of await deps.legacy.pending()) {
    const legacy = legacyRecordSchema.safeParse(raw)
    if (!legacy.success) {
      deps.logger.warn({ issues: legacy.error.issues }, 'skipping a legacy session record that does not parse')
      continue
    }
    const old = legacy.data
    const sessionId = legacySessionId(old.roomId)
    if (await deps.store.getSession(old.roomId, sessionId)) continue
    const sessionDoc = await loadDoc(deps.storage, roomLogKey(old.roomId, 'session'))
    const snapshot = readSession(sessionDoc)
    const config = snapshot?.config ?? null
    const members = await deps.directory.listMembers(old.roomId)
    const nameOf = (userId: string) => members.find((m) => m.userId === userId)?.name ?? userId
    const roleOf = (userId: string): Participant['roles'][number] =>
      userId === old.startedBy ? 'interviewer' : userId === old.candidateId ? 'candidate' : 'observer'
    const record: SessionRecord = {
      sessionId,
      roomId: old.roomId,
      title: old.title,
      problemId: old.problemId,
      customPrompt: sessionConfigSchema.safeParse(config).success ? (config?.customPrompt ?? null) : null,
      mode: old.mode,
      level: old.level,
      plan: config?.plan ?? [],
      settings: DEFAULT_SESSION_SETTINGS,
      // That release showed the whole problem to everyone.
      revealed: [...REVEAL_PARTS],
      startedAt: old.startedAt,
      endedAt: old.endedAt,
      startedBy: old.startedBy,
      events: snapshot?.events ?? [{ type: 'start', at: old.startedAt }],
      participants: [...new Set([old.startedBy, ...old.participants])].map((userId) => ({
        userId,
        name: nameOf(userId),
        roles: [roleOf(userId)],
      })),
      boardSeqStart: await lastSeqAtOrBefore(deps.storage, old.roomId, old.startedAt),
      boardSeqEnd: old.endedAt === null ? null : await lastSeqAtOrBefore(deps.storage, old.roomId, old.endedAt),
    }
    await deps.store.putSession(record)
    const sheet = readLegacyRubric(await loadDoc(deps.storage, roomLogKey(old.roomId, 'private')))
    await deps.store.putSheet(old.roomId, {
      sessionId,
      authorId: old.startedBy,
      authorName: nameOf(old.startedBy),
      sheet: { ...EMPTY_SHEET, ...sheet },
      shared: old.scoresShared ? { at: old.endedAt ?? old.startedAt, sheet: { ...EMPTY_SHEET, ...sheet } } : null,
      openToInterviewers: false,
      submittedAt: null,
      updatedAt: old.endedAt ?? old.startedAt,
    })
    if (snapshot) await renameSessionDoc(deps.storage, roomLogKey(old.roomId, 'session'), sessionDoc, sessionId)
    migrated++
  }
  await deps.legacy.finish()
  if (migrated) deps.logger.info({ migrated }, 'migrated sessions of the one-session-per-room release')
  return migrated
}

async function loadDoc(storage: RoomStorage, key: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const stored = await storage.loadRoom(key)
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.update)
  for (const entry of stored.entries) Y.applyUpdate(doc, entry.update)
  return doc
}

/** Writes the id into the session doc and drops its shared-rubric copy, logged like any server change. */
async function renameSessionDoc(storage: RoomStorage, key: string, doc: Y.Doc, sessionId: string): Promise<void> {
  let update: Uint8Array | null = null
  doc.on('update', (u: Uint8Array) => (update = u))
  doc.transact(() => {
    writeSessionId(doc, sessionId)
    doc.getMap('session').delete('sharedRubric')
  })
  if (update) await storage.appendUpdate(key, { time: Date.now(), author: 'system', update })
}

/** The board log position of the last entry at or before `time` (0 when none). */
async function lastSeqAtOrBefore(storage: RoomStorage, roomId: string, time: number): Promise<number> {
  let after = 0
  for (;;) {
    const entries = await storage.readLog(roomId, after, 2000)
    for (const entry of entries) {
      if (entry.time > time) return after
      after = entry.seq
    }
    if (entries.length < 2000) return after
  }
}
