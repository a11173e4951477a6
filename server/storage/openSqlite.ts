import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

/** SQLite's `synchronous` levels that are safe with WAL. */
export type SqliteSync = 'NORMAL' | 'FULL'

/**
 * Opens (creating if needed) the embedded store's database, `mockboard.sqlite`
 * in `dataDir`, in WAL mode. Room logs and the room directory share it.
 */
export function openSqlite(dataDir: string, synchronous: SqliteSync = 'NORMAL'): Database.Database {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, 'mockboard.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  return db
}
