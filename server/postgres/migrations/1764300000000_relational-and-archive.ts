import type { MigrationBuilder } from 'node-pg-migrate'

/**
 * The first schema: the room directory, sessions and rubric sheets (what My
 * boards, My sessions and summaries query), and the cold tier of room logs
 * (entries and snapshots archived from Redis). Times are ms since the epoch.
 */
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createTable('rooms', {
    room: { type: 'text', primaryKey: true },
    owner: { type: 'text', notNull: true },
    created: { type: 'bigint', notNull: true },
    name: { type: 'text', notNull: true },
    active: { type: 'bigint', notNull: true },
  })
  pgm.createTable('room_members', {
    room: { type: 'text', notNull: true, primaryKey: true },
    user_id: { type: 'text', notNull: true, primaryKey: true },
    name: { type: 'text', notNull: true },
    role: { type: 'text', notNull: true },
    joined: { type: 'bigint', notNull: true },
  })
  pgm.createIndex('room_members', 'user_id')
  pgm.createTable('room_invites', {
    token: { type: 'text', primaryKey: true },
    room: { type: 'text', notNull: true },
    role: { type: 'text', notNull: true },
  })
  pgm.createIndex('room_invites', ['room', 'role'], { unique: true })

  pgm.createTable('interview_sessions', {
    room: { type: 'text', notNull: true, primaryKey: true },
    id: { type: 'text', notNull: true, primaryKey: true },
    started: { type: 'bigint', notNull: true },
    record: { type: 'jsonb', notNull: true },
  })
  pgm.createIndex('interview_sessions', ['room', 'started'])
  pgm.createTable('interview_participants', {
    user_id: { type: 'text', notNull: true, primaryKey: true },
    room: { type: 'text', notNull: true, primaryKey: true },
    id: { type: 'text', notNull: true, primaryKey: true },
    started: { type: 'bigint', notNull: true },
  })
  pgm.createIndex('interview_participants', ['user_id', 'started'])
  pgm.createIndex('interview_participants', ['room', 'id'])
  pgm.createTable('rubric_sheets', {
    room: { type: 'text', notNull: true, primaryKey: true },
    session: { type: 'text', notNull: true, primaryKey: true },
    author: { type: 'text', notNull: true, primaryKey: true },
    record: { type: 'jsonb', notNull: true },
  })

  // The cold tier: a log key is the storage's (`<room>` for the board, `<room>.<log>` for the others).
  pgm.createTable('room_log_entries', {
    log_key: { type: 'text', notNull: true, primaryKey: true },
    seq: { type: 'bigint', notNull: true, primaryKey: true },
    time: { type: 'bigint', notNull: true },
    author: { type: 'text', notNull: true },
    update: { type: 'bytea', notNull: true },
  })
  pgm.createTable('room_log_snapshots', {
    log_key: { type: 'text', primaryKey: true },
    seq: { type: 'bigint', notNull: true },
    data: { type: 'bytea', notNull: true },
  })
  // Logs to look at once they may have gone idle (each server adds the logs it appended to).
  pgm.createTable('room_log_archive_queue', {
    log_key: { type: 'text', primaryKey: true },
    due: { type: 'bigint', notNull: true },
  })
  pgm.createIndex('room_log_archive_queue', 'due')
}
