import type { SessionRecord } from '@/lib/session/sessionRecord'
import type { SheetRecord } from '@/lib/rubric/sheetRecord'

export type { SessionRecord, SheetRecord }

/**
 * Where sessions and their rubric sheets live: SQLite embedded, Redis at
 * scale. Records are validated on the way in and out. Every implementation
 * passes the same contract suite (`tests/sessions/sessionStore.test.ts`).
 *
 * Implementations: `SqliteSessionStore`, `RedisSessionStore`, `PostgresSessionStore` (`DATABASE_URL`).
 */
export interface SessionStore {
  /** Creates or replaces a session record, and indexes it for each participant. */
  putSession(record: SessionRecord): Promise<void>
  getSession(roomId: string, sessionId: string): Promise<SessionRecord | null>
  /** The room's sessions, newest first. */
  listRoomSessions(roomId: string, limit?: number): Promise<SessionRecord[]>
  /** Sessions `userId` took part in, newest first. */
  listUserSessions(userId: string, limit?: number): Promise<SessionRecord[]>
  /** Creates or replaces a rubric sheet (one per session and author). */
  putSheet(roomId: string, sheet: SheetRecord): Promise<void>
  getSheet(roomId: string, sessionId: string, authorId: string): Promise<SheetRecord | null>
  /** Every sheet of a session, in no particular order. */
  listSheets(roomId: string, sessionId: string): Promise<SheetRecord[]>
  /** Deletes one session, its sheets and its place in each participant's history. */
  deleteSession(roomId: string, sessionId: string): Promise<void>
  /** Deletes every session and sheet of a room (the board is being deleted). */
  deleteRoom(roomId: string): Promise<void>
}
