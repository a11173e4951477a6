import type { MigrationBuilder } from 'node-pg-migrate'

/**
 * Session recordings in PostgreSQL (`PostgresAudioStore`): each session's
 * recording setting, the consent answers, and the chunks (description and
 * bytes), so every web server reads the same recordings with no shared
 * filesystem. Times are ms since the epoch.
 */
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createTable('audio_recordings', {
    room: { type: 'text', notNull: true, primaryKey: true },
    session: { type: 'text', notNull: true, primaryKey: true },
    record: { type: 'jsonb', notNull: true },
  })
  pgm.createTable('audio_consents', {
    room: { type: 'text', notNull: true, primaryKey: true },
    session: { type: 'text', notNull: true, primaryKey: true },
    user_id: { type: 'text', notNull: true, primaryKey: true },
    record: { type: 'jsonb', notNull: true },
  })
  // One row per chunk; the primary key makes a retried upload a no-op (INSERT … ON CONFLICT DO NOTHING).
  pgm.createTable('audio_chunks', {
    room: { type: 'text', notNull: true, primaryKey: true },
    session: { type: 'text', notNull: true, primaryKey: true },
    user_id: { type: 'text', notNull: true, primaryKey: true },
    segment: { type: 'text', notNull: true, primaryKey: true },
    seq: { type: 'integer', notNull: true, primaryKey: true },
    at: { type: 'bigint', notNull: true },
    media_offset: { type: 'bigint', notNull: true },
    activity: { type: 'double precision', notNull: true },
    bytes: { type: 'integer', notNull: true },
    data: { type: 'bytea', notNull: true },
  })
  // Opus does not compress: store chunks out of line without trying (TOAST would otherwise try pglz on each).
  pgm.sql('ALTER TABLE audio_chunks ALTER COLUMN data SET STORAGE EXTERNAL')
}
