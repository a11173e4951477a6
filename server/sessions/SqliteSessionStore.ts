import type Database from 'better-sqlite3'
import { sessionRecordSchema, type SessionRecord } from '@/lib/session/sessionRecord'
import { sheetRecordSchema, type SheetRecord } from '@/lib/rubric/sheetRecord'
import type { SessionStore } from './SessionStore'
import type { LegacySessions } from './migrateLegacySessions'

/**
 * Sessions and rubric sheets in the embedded SQLite database, as validated
 * JSON, with an index of who took part in what. The one-session-per-room
 * table of earlier releases (`sessions`) is read once by the migration and
 * then renamed `sessions_legacy`.
 */
export class SqliteSessionStore implements SessionStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS interview_sessions (
        room TEXT NOT NULL,
        id TEXT NOT NULL,
        started INTEGER NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (room, id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS interview_sessions_by_time ON interview_sessions (room, started);
      CREATE TABLE IF NOT EXISTS interview_participants (
        user TEXT NOT NULL,
        room TEXT NOT NULL,
        id TEXT NOT NULL,
        started INTEGER NOT NULL,
        PRIMARY KEY (user, room, id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS interview_participants_by_time ON interview_participants (user, started);
      CREATE TABLE IF NOT EXISTS rubric_sheets (
        room TEXT NOT NULL,
        session TEXT NOT NULL,
        author TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (room, session, author)
      ) WITHOUT ROWID;
    `)
  }

  async putSession(record: SessionRecord): Promise<void> {
    const valid = sessionRecordSchema.parse(record)
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO interview_sessions (room, id, started, record) VALUES (?, ?, ?, ?)
           ON CONFLICT (room, id) DO UPDATE SET started = excluded.started, record = excluded.record`
        )
        .run(valid.roomId, valid.sessionId, valid.startedAt, JSON.stringify(valid))
      this.db.prepare('DELETE FROM interview_participants WHERE room = ? AND id = ?').run(valid.roomId, valid.sessionId)
      const insert = this.db.prepare('INSERT INTO interview_participants (user, room, id, started) VALUES (?, ?, ?, ?)')
      for (const p of valid.participants) insert.run(p.userId, valid.roomId, valid.sessionId, valid.startedAt)
    })()
  }

  async getSession(roomId: string, sessionId: string): Promise<SessionRecord | null> {
    const row = this.db
      .prepare('SELECT record FROM interview_sessions WHERE room = ? AND id = ?')
      .get(roomId, sessionId) as { record: string } | undefined
    return row ? sessionRecordSchema.parse(JSON.parse(row.record)) : null
  }

  async listRoomSessions(roomId: string, limit = 200): Promise<SessionRecord[]> {
    const rows = this.db
      .prepare('SELECT record FROM interview_sessions WHERE room = ? ORDER BY started DESC LIMIT ?')
      .all(roomId, limit) as { record: string }[]
    return rows.map((row) => sessionRecordSchema.parse(JSON.parse(row.record)))
  }

  async listUserSessions(userId: string, limit = 200): Promise<SessionRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT s.record FROM interview_participants p
         JOIN interview_sessions s ON s.room = p.room AND s.id = p.id
         WHERE p.user = ? ORDER BY p.started DESC LIMIT ?`
      )
      .all(userId, limit) as { record: string }[]
    return rows.map((row) => sessionRecordSchema.parse(JSON.parse(row.record)))
  }

  async putSheet(roomId: string, sheet: SheetRecord): Promise<void> {
    const valid = sheetRecordSchema.parse(sheet)
    this.db
      .prepare(
        `INSERT INTO rubric_sheets (room, session, author, record) VALUES (?, ?, ?, ?)
         ON CONFLICT (room, session, author) DO UPDATE SET record = excluded.record`
      )
      .run(roomId, valid.sessionId, valid.authorId, JSON.stringify(valid))
  }

  async getSheet(roomId: string, sessionId: string, authorId: string): Promise<SheetRecord | null> {
    const row = this.db
      .prepare('SELECT record FROM rubric_sheets WHERE room = ? AND session = ? AND author = ?')
      .get(roomId, sessionId, authorId) as { record: string } | undefined
    return row ? sheetRecordSchema.parse(JSON.parse(row.record)) : null
  }

  async listSheets(roomId: string, sessionId: string): Promise<SheetRecord[]> {
    const rows = this.db
      .prepare('SELECT record FROM rubric_sheets WHERE room = ? AND session = ?')
      .all(roomId, sessionId) as { record: string }[]
    return rows.map((row) => sheetRecordSchema.parse(JSON.parse(row.record)))
  }

  async deleteSession(roomId: string, sessionId: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM interview_sessions WHERE room = ? AND id = ?').run(roomId, sessionId)
      this.db.prepare('DELETE FROM interview_participants WHERE room = ? AND id = ?').run(roomId, sessionId)
      this.db.prepare('DELETE FROM rubric_sheets WHERE room = ? AND session = ?').run(roomId, sessionId)
    })()
  }

  async deleteRoom(roomId: string): Promise<void> {
    this.db.transaction(() => {
      for (const table of ['interview_sessions', 'interview_participants', 'rubric_sheets']) {
        this.db.prepare(`DELETE FROM ${table} WHERE room = ?`).run(roomId)
      }
    })()
  }

  /** The earlier release's one-session-per-room records, for `migrateLegacySessions`. */
  legacy(): LegacySessions {
    const hasTable = () =>
      !!this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'").get()
    return {
      pending: async () =>
        hasTable()
          ? (this.db.prepare('SELECT record FROM sessions').all() as { record: string }[]).map(
              (r) => JSON.parse(r.record) as unknown
            )
          : [],
      finish: async () => {
        if (hasTable()) this.db.exec('ALTER TABLE sessions RENAME TO sessions_legacy')
      },
    }
  }
}
