import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { SqliteRoomStorage } from './SqliteRoomStorage'
import { openSqlite, WAL_SIZE_LIMIT_BYTES } from './openSqlite'
import { killOnExit } from '@/tests/support/processes'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function open() {
  const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-storage-'))
  const storage = new SqliteRoomStorage({ dataDir: dir })
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => storage.close()
  )
  return {
    storage,
    wal: () => statSync(path.join(dir, 'mockboard.sqlite-wal')).size,
    database: () => statSync(path.join(dir, 'mockboard.sqlite')).size,
  }
}

test('sequence numbers start at 1 per room and have no gaps', async () => {
  const { storage } = open()
  const update = new Uint8Array([1, 2, 3])
  const seqs = []
  for (let i = 0; i < 5; i++) seqs.push(await storage.appendUpdate(i % 2 ? 'b' : 'a', { time: i, author: 'u', update }))
  expect(seqs).toEqual([1, 1, 2, 2, 3])
  expect((await storage.readLog('a')).map((e) => e.seq)).toEqual([1, 2, 3])
})

test('appendIfEmpty appends only to an empty log', async () => {
  const { storage } = open()
  const update = new Uint8Array([9])
  expect(await storage.appendIfEmpty('seeded', { time: 1, author: 'system', update })).toBe(1)
  expect(await storage.appendIfEmpty('seeded', { time: 2, author: 'system', update })).toBeNull()
  expect(await storage.appendUpdate('seeded', { time: 3, author: 'u', update })).toBe(2)
})

test('the WAL stays bounded under sustained appends (checkpoints complete)', async () => {
  const { storage, wal } = open()
  const update = new Uint8Array(600).fill(7)
  for (let i = 0; i < 5_000; i++) {
    await storage.appendUpdate(i % 2 ? 'room.presence' : 'room', { time: i, author: 'user:x', update })
  }
  // 5,000 appends of 600 bytes: ~65 MB of WAL when checkpoints could not run; ~4 MB now.
  console.log(`WAL after 5,000 appends: ${wal()} bytes`)
  expect(wal()).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES)
  expect((await storage.readLog('room')).length).toBe(2_500)
})

test('appends are checkpointed off the event loop, long before SQLite would checkpoint inside one', async () => {
  // SQLite's own checkpoint waits for 1,000 WAL pages and then runs inside that append (17–23 ms here, every
  // room on the server waiting). 120 appends of 3 KB write ~500 WAL pages: only the store's thread copies them, in
  // the round its page count starts.
  const { storage, database } = open()
  const update = new Uint8Array(3000).fill(7)
  for (let i = 0; i < 120; i++) await storage.appendUpdate('room', { time: i, author: 'user:x', update })
  await expect.poll(database, { timeout: 4_000, interval: 50 }).toBeGreaterThanOrEqual(50 * 3000)
})

test('group commit: appends of one turn, across rooms, commit together and in order; later calls see them', async () => {
  // Appends are committed at the end of the turn (one transaction for all rooms). Any other
  // call commits them first: a board deleted right after an edit must not get that edit back.
  const { storage } = open()
  const update = new Uint8Array([7])
  const appended = ['a', 'b', 'a', 'c', 'a'].map((room, i) =>
    storage.appendUpdate(room, { time: i, author: 'u', update })
  )
  expect((await storage.readLog('a')).map((e) => e.seq)).toEqual([1, 2, 3])
  const late = storage.appendUpdate('b', { time: 9, author: 'u', update })
  await storage.deleteLog('b')
  expect(await Promise.all([...appended, late])).toEqual([1, 1, 2, 1, 3, 2])
  expect(await storage.readLog('b')).toEqual([])
  expect((await storage.readLog('c')).map((e) => e.seq)).toEqual([1])
})

test('group commit: an append queued when the store closes is committed, not lost or left hanging', async () => {
  const { storage } = open()
  const pending = storage.appendUpdate('a', { time: 1, author: 'u', update: new Uint8Array([1]) })
  await storage.close()
  expect(await pending).toBe(1)
  await expect(storage.appendUpdate('a', { time: 2, author: 'u', update: new Uint8Array([2]) })).rejects.toThrow()
})

test('two processes appending to one room: one gapless log, each in its own order, times never decrease', async () => {
  // A turn's one append is a single INSERT … RETURNING without BEGIN/COMMIT: as a writing statement it takes
  // the file's write lock before it reads the last entry, so another process never slips in between.
  const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-storage-'))
  const storage = new SqliteRoomStorage({ dataDir: dir })
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => storage.close()
  )
  const count = 300
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'appendWriter.fixture.ts'), dir, 'shared', String(count)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    }
  )
  const forget = killOnExit(child)
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const ours: number[] = []
  const start = Date.now()
  // Keep appending until the child has finished, so our appends interleave with all of its own.
  for (let i = 0; child.exitCode === null || i < count; i++) {
    ours.push(
      await storage.appendUpdate('shared', { time: start - i, author: 'user:parent', update: new Uint8Array([1]) })
    )
  }
  expect(await exited).toBe(0)
  forget()
  const theirs = JSON.parse(output) as number[]
  const log = await storage.readLog('shared')
  expect(log.map((entry) => entry.seq)).toEqual(log.map((_, i) => i + 1))
  expect([...ours, ...theirs].sort((a, b) => a - b)).toEqual(log.map((entry) => entry.seq))
  for (const seqs of [ours, theirs]) expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
  for (let i = 1; i < log.length; i++) expect(log[i]!.time).toBeGreaterThanOrEqual(log[i - 1]!.time)
  expect(new Set(log.map((entry) => entry.author))).toEqual(new Set(['user:parent', 'user:child']))
}, 30_000)

test('a log of an earlier release (WITHOUT ROWID) moves to the rowid layout on open, every entry kept, appends going on', async () => {
  // That layout kept whole rows in interior pages: with multi-megabyte updates each seek read megabytes (5.3 ms an
  // append on an 865 MB file, 0.03 ms after the move), and a room's edits lagged by minutes.
  const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-storage-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const old = openSqlite(dir)
  old.exec(`CREATE TABLE room_log (room TEXT NOT NULL, seq INTEGER NOT NULL, time INTEGER NOT NULL,
    author TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (room, seq)) WITHOUT ROWID`)
  const insert = old.prepare('INSERT INTO room_log VALUES (?, ?, ?, ?, ?)')
  const image = Buffer.alloc(200_000, 7) // a pasted image's update: spills to overflow pages
  for (let seq = 1; seq <= 3; seq++) insert.run('board', seq, seq * 10, 'u', seq === 2 ? image : Buffer.from([seq]))
  insert.run('other', 1, 5, 'v', Buffer.from([9]))
  old.close()

  const warnings: string[] = []
  const storage = new SqliteRoomStorage({
    dataDir: dir,
    logger: { warn: (_fields: unknown, message: string) => void warnings.push(message) } as never,
  })
  cleanups.push(() => storage.close())
  const layout = openSqlite(dir)
  const sql = (layout.prepare("SELECT sql FROM sqlite_master WHERE name = 'room_log'").get() as { sql: string }).sql
  layout.close()
  expect(sql).not.toMatch(/WITHOUT\s+ROWID/i)
  expect(warnings).toEqual([expect.stringMatching(/moved the room log to the rowid layout/)])
  const entries = await storage.readLog('board')
  expect(entries.map((e) => [e.seq, e.time, e.update.byteLength])).toEqual([
    [1, 10, 1],
    [2, 20, 200_000],
    [3, 30, 1],
  ])
  expect(await storage.appendUpdate('board', { time: 40, author: 'u', update: new Uint8Array([4]) })).toBe(4)
  expect((await storage.readLog('other')).map((e) => e.seq)).toEqual([1])
  expect(await storage.logBytes('board')).toBe(200_003)
})
