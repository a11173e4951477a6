import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'
import { openSqlite } from './openSqlite'
import { CHECKPOINT_AFTER_PAGES, WalCheckpointer } from './WalCheckpointer'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/**
 * A database whose own connection never checkpoints: whatever reaches the database file, the thread copied.
 * (The tests read file sizes: asking SQLite about the WAL would checkpoint it on the asking connection.)
 */
function openWithoutAutoCheckpoint() {
  const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-wal-'))
  const db = openSqlite(dir)
  db.pragma('wal_autocheckpoint = 0')
  db.exec('CREATE TABLE t (x BLOB)')
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => void db.close()
  )
  const insert = db.prepare('INSERT INTO t VALUES (?)')
  const write = (rows: number) => {
    for (let i = 0; i < rows; i++) insert.run(Buffer.alloc(3000, i)) // one commit each, as appends are
  }
  const size = (suffix: string) => statSync(path.join(dir, `mockboard.sqlite${suffix}`)).size
  return { db, write, databaseBytes: () => size(''), walBytes: () => size('-wal') }
}

test('the thread copies the WAL into the database file, and the next write starts the WAL over', async () => {
  // SQLite's automatic checkpoint ran inside the append that crossed 1,000 WAL pages, copying ~4 MB and flushing
  // it to disk on the server's event loop (17–23 ms). Here the server's connection never checkpoints.
  const { db, write, databaseBytes, walBytes } = openWithoutAutoCheckpoint()
  const checkpointer = WalCheckpointer.start(db, { intervalMs: 60_000 })!
  cleanups.push(() => checkpointer.stop())
  write(300)
  expect(databaseBytes()).toBeLessThan(300 * 3000) // the rows are in the WAL only
  const walAfterFirstRows = walBytes()

  const result = await checkpointer.checkpointNow()
  expect(result.busy).toBe(0)
  expect(result.log).toBeGreaterThanOrEqual(300)
  expect(result.checkpointed).toBe(result.log)
  expect(databaseBytes()).toBeGreaterThanOrEqual(300 * 3000)

  // Restarted: the next rows overwrite the WAL from its start instead of doubling it.
  write(300)
  expect(walBytes()).toBeLessThanOrEqual(walAfterFirstRows + 4 * 4096)
  const other = new Database(db.name, { readonly: true })
  expect(other.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 600 })
  other.close()
})

test('a round starts once the writes it is told of reach CHECKPOINT_AFTER_PAGES', async () => {
  const { db, write, databaseBytes } = openWithoutAutoCheckpoint()
  const checkpointer = WalCheckpointer.start(db, { intervalMs: 60_000 })!
  cleanups.push(() => checkpointer.stop())
  for (let i = 0; i < CHECKPOINT_AFTER_PAGES - 1; i++) {
    write(1)
    checkpointer.noteWritten(0) // counted as one page
  }
  // One page short of a round: none has run, so the database file still lacks the rows. The next page starts one.
  expect(databaseBytes()).toBeLessThan(100 * 3000)
  write(1)
  checkpointer.noteWritten(0)
  await expect
    .poll(databaseBytes, { timeout: 5_000, interval: 20 })
    .toBeGreaterThanOrEqual(CHECKPOINT_AFTER_PAGES * 3000)
})

test('it checkpoints on its own every interval', async () => {
  const { db, write, databaseBytes } = openWithoutAutoCheckpoint()
  const checkpointer = WalCheckpointer.start(db, { intervalMs: 20 })!
  cleanups.push(() => checkpointer.stop())
  write(200)
  await expect.poll(databaseBytes, { timeout: 5_000, interval: 20 }).toBeGreaterThanOrEqual(200 * 3000)
})

test('stop ends the thread; an in-memory database gets none', async () => {
  const { db } = openWithoutAutoCheckpoint()
  const checkpointer = WalCheckpointer.start(db)!
  await checkpointer.stop()
  await checkpointer.stop() // twice is fine
  await expect(checkpointer.checkpointNow()).rejects.toThrow('stopped')
  expect(WalCheckpointer.start(new Database(':memory:'))).toBeNull()
})
