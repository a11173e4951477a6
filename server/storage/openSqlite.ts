import Database from 'better-sqlite3'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
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
 *
 * Only the server's user may read it: a new data directory is created 0700,
 * the database file 0600 before SQLite opens it (SQLite gives its `-wal` and
 * `-shm` files the database's mode), and an older world-readable install is
 * tightened to 0600 on start.
 */
export function openSqlite(dataDir: string, synchronous: SqliteSync = 'NORMAL'): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const file = path.join(dataDir, 'mockboard.sqlite')
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600))
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600)
  }
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`)
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`)
  return db
}
