import type pg from 'pg'
import { sessionRecordSchema, type SessionRecord } from '@/lib/session/sessionRecord'
import { sheetRecordSchema, type SheetRecord } from '@/lib/rubric/sheetRecord'
import type { SessionStore } from '../sessions/SessionStore'
import type { LegacySessions } from '../sessions/migrateLegacySessions'
import { inTransaction } from './inTransaction'

/**
 * Sessions and rubric sheets in PostgreSQL (`DATABASE_URL`), as validated
 * JSON (`jsonb`), with an index of who took part in what
 * (`interview_participants`), for My sessions and summaries.
 */
export class PostgresSessionStore implements SessionStore {
  constructor(private readonly pool: pg.Pool) {}

  async putSession(record: SessionRecord): Promise<void> {
    const valid = sessionRecordSchema.parse(record)
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO interview_sessions (room, id, started, record) VALUES ($1, $2, $3, $4)
         ON CONFLICT (room, id) DO UPDATE SET started = excluded.started, record = excluded.record`,
        [valid.roomId, valid.sessionId, valid.startedAt, JSON.stringify(valid)]
      )
      await client.query('DELETE FROM interview_participants WHERE room = $1 AND id = $2', [
        valid.roomId,
        valid.sessionId,
      ])
      const users = [...new Set(valid.participants.map((p) => p.userId))]
      await client.query(
        `INSERT INTO interview_participants (user_id, room, id, started)
         SELECT u, $2, $3, $4 FROM unnest($1::text[]) AS u`,
        [users, valid.roomId, valid.sessionId, valid.startedAt]
      )
    })
  }

  async getSession(roomId: string, sessionId: string): Promise<SessionRecord | null> {
    const { rows } = await this.pool.query<{ record: unknown }>(
      'SELECT record FROM interview_sessions WHERE room = $1 AND id = $2',
      [roomId, sessionId]
    )
    return rows[0] ? sessionRecordSchema.parse(rows[0].record) : null
  }

  async listRoomSessions(roomId: string, limit = 200): Promise<SessionRecord[]> {
    const { rows } = await this.pool.query<{ record: unknown }>(
      'SELECT record FROM interview_sessions WHERE room = $1 ORDER BY started DESC, id DESC LIMIT $2',
      [roomId, limit]
    )
    return rows.map((row) => sessionRecordSchema.parse(row.record))
  }

  async listUserSessions(userId: string, limit = 200): Promise<SessionRecord[]> {
    const { rows } = await this.pool.query<{ record: unknown }>(
      `SELECT s.record FROM interview_participants p
       JOIN interview_sessions s ON s.room = p.room AND s.id = p.id
       WHERE p.user_id = $1 ORDER BY p.started DESC, p.id DESC LIMIT $2`,
      [userId, limit]
    )
    return rows.map((row) => sessionRecordSchema.parse(row.record))
  }

  async putSheet(roomId: string, sheet: SheetRecord): Promise<void> {
    const valid = sheetRecordSchema.parse(sheet)
    await this.pool.query(
      `INSERT INTO rubric_sheets (room, session, author, record) VALUES ($1, $2, $3, $4)
       ON CONFLICT (room, session, author) DO UPDATE SET record = excluded.record`,
      [roomId, valid.sessionId, valid.authorId, JSON.stringify(valid)]
    )
  }

  async getSheet(roomId: string, sessionId: string, authorId: string): Promise<SheetRecord | null> {
    const { rows } = await this.pool.query<{ record: unknown }>(
      'SELECT record FROM rubric_sheets WHERE room = $1 AND session = $2 AND author = $3',
      [roomId, sessionId, authorId]
    )
    return rows[0] ? sheetRecordSchema.parse(rows[0].record) : null
  }

  async listSheets(roomId: string, sessionId: string): Promise<SheetRecord[]> {
    const { rows } = await this.pool.query<{ record: unknown }>(
      'SELECT record FROM rubric_sheets WHERE room = $1 AND session = $2',
      [roomId, sessionId]
    )
    return rows.map((row) => sheetRecordSchema.parse(row.record))
  }

  async deleteSession(roomId: string, sessionId: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM interview_sessions WHERE room = $1 AND id = $2', [roomId, sessionId])
      await client.query('DELETE FROM interview_participants WHERE room = $1 AND id = $2', [roomId, sessionId])
      await client.query('DELETE FROM rubric_sheets WHERE room = $1 AND session = $2', [roomId, sessionId])
    })
  }

  async deleteRoom(roomId: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const table of ['interview_sessions', 'interview_participants', 'rubric_sheets']) {
        await client.query(`DELETE FROM ${table} WHERE room = $1`, [roomId])
      }
    })
  }

  /** PostgreSQL came after the one-session-per-room release: it holds no legacy records. */
  legacy(): LegacySessions {
    return { pending: async () => [], finish: async () => undefined }
  }
}
