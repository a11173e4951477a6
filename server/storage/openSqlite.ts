import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

/** Pages written to the WAL before SQLite checkpoints it (SQLite's default, stated). */
export const WAL_AUTOCHECKPOINT_PAGES = 1000

/** Size the WAL file is truncated to after a checkpoint. */
export const WAL_SIZE_LIMIT_BYTES = 8 * 1024 * 1024

/** SQLite's `synchronous` levels that are safe with WAL. */
export type SqliteSync = 'NORMAL' | 'FULL'

/**
 * Opens (creating if needed) the embedded store's database, `mockboard.sqlite`
 * in `dataDir`, in WAL mode. Room logs and the room directory share it.
 *
 * The WAL stays bounded under sustained appends: SQLite checkpoints it into
 * the database every {@link WAL_AUTOCHECKPOINT_PAGES} pages (possible only
 * because no statement is left open between writes, see
 * `SqliteRoomStorage`), and a WAL that grew past {@link WAL_SIZE_LIMIT_BYTES}
 * during a burst is truncated back after the next checkpoint.
 */
export function openSqlite(dataDir: string, synchronous: SqliteSync = 'NORMAL'): Database.Database {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, 'mockboard.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`)
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`)
  return db
}
