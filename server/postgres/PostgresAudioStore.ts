import type pg from 'pg'
import { consentRecordSchema, recordingStateSchema } from '@/lib/audio/audioSchemas'
import type {
  AudioSessionKey,
  AudioStore,
  ChunkMeta,
  ConsentRecord,
  RecordingState,
  TrackUsage,
} from '../audio/AudioStore'
import { inTransaction } from './inTransaction'

/** A chunk row without its bytes. */
interface ChunkRow {
  user_id: string
  segment: string
  seq: number
  at: number
  media_offset: number
  activity: number
  bytes: number
}

/**
 * Recordings in PostgreSQL (`DATABASE_URL`): the setting and consents as
 * validated `jsonb`, each chunk one row of `audio_chunks` with its bytes as
 * `bytea`. The chunk's key `(room, session, user, segment, seq)` is the
 * primary key and writes are `ON CONFLICT DO NOTHING`, so a retried upload
 * (even racing its original on another server) is stored once.
 */
export class PostgresAudioStore implements AudioStore {
  constructor(private readonly pool: pg.Pool) {}

  async getRecording(key: AudioSessionKey): Promise<RecordingState | null> {
    const { rows } = await this.pool.query<{ record: unknown }>(
      'SELECT record FROM audio_recordings WHERE room = $1 AND session = $2',
      [key.roomId, key.sessionId]
    )
    const parsed = recordingStateSchema.safeParse(rows[0]?.record)
    return parsed.success ? parsed.data : null
  }

  async putRecording(key: AudioSessionKey, state: RecordingState): Promise<void> {
    await this.pool.query(
      `INSERT INTO audio_recordings (room, session, record) VALUES ($1, $2, $3)
       ON CONFLICT (room, session) DO UPDATE SET record = excluded.record`,
      [key.roomId, key.sessionId, JSON.stringify(recordingStateSchema.parse(state))]
    )
  }

  async getConsent(key: AudioSessionKey, userId: string): Promise<ConsentRecord | null> {
    const { rows } = await this.pool.query<{ record: unknown }>(
      'SELECT record FROM audio_consents WHERE room = $1 AND session = $2 AND user_id = $3',
      [key.roomId, key.sessionId, userId]
    )
    const parsed = consentRecordSchema.safeParse(rows[0]?.record)
    return parsed.success ? parsed.data : null
  }

  async putConsent(key: AudioSessionKey, consent: ConsentRecord): Promise<void> {
    const valid = consentRecordSchema.parse(consent)
    await this.pool.query(
      `INSERT INTO audio_consents (room, session, user_id, record) VALUES ($1, $2, $3, $4)
       ON CONFLICT (room, session, user_id) DO UPDATE SET record = excluded.record`,
      [key.roomId, key.sessionId, valid.userId, JSON.stringify(valid)]
    )
  }

  async listConsents(key: AudioSessionKey): Promise<ConsentRecord[]> {
    const { rows } = await this.pool.query<{ record: unknown }>(
      'SELECT record FROM audio_consents WHERE room = $1 AND session = $2',
      [key.roomId, key.sessionId]
    )
    return rows.flatMap((row) => {
      const parsed = consentRecordSchema.safeParse(row.record)
      return parsed.success ? [parsed.data] : []
    })
  }

  async putChunk(key: AudioSessionKey, meta: ChunkMeta, data: Uint8Array): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO audio_chunks (room, session, user_id, segment, seq, at, media_offset, activity, bytes, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT DO NOTHING`,
      [
        key.roomId,
        key.sessionId,
        meta.userId,
        meta.segment,
        meta.seq,
        meta.at,
        meta.offset,
        meta.activity,
        data.byteLength,
        Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      ]
    )
    return rowCount === 1
  }

  async trackUsage(key: AudioSessionKey, userId: string, chunk: { segment: string; seq: number }): Promise<TrackUsage> {
    const { rows } = await this.pool.query<{ bytes: string; stored: boolean }>(
      `SELECT COALESCE(SUM(bytes), 0) AS bytes, COALESCE(BOOL_OR(segment = $4 AND seq = $5), false) AS stored
       FROM audio_chunks WHERE room = $1 AND session = $2 AND user_id = $3`,
      [key.roomId, key.sessionId, userId, chunk.segment, chunk.seq]
    )
    return { bytes: Number(rows[0]?.bytes ?? 0), stored: rows[0]?.stored ?? false }
  }

  async listChunks(key: AudioSessionKey, userId?: string): Promise<ChunkMeta[]> {
    const { rows } = await this.pool.query<ChunkRow>(
      `SELECT user_id, segment, seq, at, media_offset, activity, bytes FROM audio_chunks
       WHERE room = $1 AND session = $2 AND ($3::text IS NULL OR user_id = $3)
       ORDER BY user_id, segment, seq`,
      [key.roomId, key.sessionId, userId ?? null]
    )
    return rows.map((row) => ({
      userId: row.user_id,
      segment: row.segment,
      seq: row.seq,
      at: row.at,
      offset: row.media_offset,
      activity: row.activity,
      bytes: row.bytes,
    }))
  }

  async readSegment(key: AudioSessionKey, userId: string, segment: string): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ data: Buffer }>(
      `SELECT data FROM audio_chunks WHERE room = $1 AND session = $2 AND user_id = $3 AND segment = $4
       ORDER BY seq`,
      [key.roomId, key.sessionId, userId, segment]
    )
    return rows.length ? Buffer.concat(rows.map((row) => row.data)) : null
  }

  async deleteSession(key: AudioSessionKey): Promise<void> {
    await this.deleteWhere('room = $1 AND session = $2', [key.roomId, key.sessionId])
  }

  async deleteRoom(roomId: string): Promise<void> {
    await this.deleteWhere('room = $1', [roomId])
  }

  /** Deletes the rows matching `where` from every audio table, in one transaction. */
  private async deleteWhere(where: string, params: string[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const table of ['audio_recordings', 'audio_consents', 'audio_chunks']) {
        await client.query(`DELETE FROM ${table} WHERE ${where}`, params)
      }
    })
  }
}
