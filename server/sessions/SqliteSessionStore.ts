import type Database from 'better-sqlite3'
import { sessionRecordSchema, type SessionRecord, type SessionStore } from './SessionStore'

/** Session records in the embedded SQLite database: the record as JSON, plus who took part. */
export class SqliteSessionStore implements SessionStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS sessions (
        room TEXT PRIMARY KEY,
        started INTEGER NOT NULL,
        record TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS session_participants (
        user TEXT NOT NULL,
        room TEXT NOT NULL,
        PRIMARY KEY (user, room)
      ) WITHOUT ROWID;
    `)
  }

  async put(record: SessionRecord): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO sessions (room, started, record) VALUES (?, ?, ?) ON CONFLICT (room) DO UPDATE SET started = excluded.started, record = excluded.record'
        )
        .run(record.roomId, record.startedAt, JSON.stringify(record))
      this.db.prepare('DELETE FROM session_participants WHERE room = ?').run(record.roomId)
      const insert = this.db.prepare('INSERT INTO session_participants (user, room) VALUES (?, ?)')
      for (const user of new Set(record.participants)) insert.run(user, record.roomId)
    })()
  }

  async get(roomId: string): Promise<SessionRecord | null> {
    const row = this.db.prepare('SELECT record FROM sessions WHERE room = ?').get(roomId) as
      { record: string } | undefined
    return row ? sessionRecordSchema.parse(JSON.parse(row.record)) : null
  }

  async listForUser(userId: string, limit = 100): Promise<SessionRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT s.record FROM session_participants p JOIN sessions s ON s.room = p.room
         WHERE p.user = ? ORDER BY s.started DESC LIMIT ?`
      )
      .all(userId, limit) as { record: string }[]
    return rows.map((row) => sessionRecordSchema.parse(JSON.parse(row.record)))
  }
}
