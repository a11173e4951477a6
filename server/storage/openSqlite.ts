import Database from 'better-sqlite3'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import path from 'node:path'

/** SQLite's `synchronous` levels that are safe with WAL. */
export type SqliteSync = 'NORMAL' | 'FULL'

/**
 * Opens (creating if needed) the embedded store's database, `mockboard.sqlite`
 * in `dataDir`, in WAL mode. Room logs and the room directory share it.
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
  return db
}
