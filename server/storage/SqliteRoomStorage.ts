import type Database from 'better-sqlite3'
import type { Logger } from 'pino'
import type {
  LogEntry,
  LogPage,
  LogPageBounds,
  NewLogEntry,
  RoomSnapshot,
  RoomStorage,
  StoredRoom,
} from './RoomStorage'
import { openSqlite, type SqliteSync } from './openSqlite'
import { pageSize } from './logPage'
import { toBuffer, toBytes } from './bytes'
import { GroupCommit } from './GroupCommit'
import { WalCheckpointer } from './WalCheckpointer'

interface LogRow {
  seq: number
  time: number
  author: string
  data: Buffer
}

/**
 * The embedded room store: one SQLite file in `dataDir`, in WAL mode.
 *
 * Appends are group-committed ({@link GroupCommit}): every append queued
 * during one event-loop turn, whatever its room, is written in one
 * transaction at the end of the turn, and each append's promise resolves once
 * that transaction has committed (the room broadcasts only then). Any other
 * call first commits what is queued, so it sees every append made before it.
 * With `synchronous = NORMAL` (the default) a commit survives the
 * process being killed (`kill -9`); an operating-system crash or power cut
 * can lose the last few commits. `FULL` fsyncs every commit and survives both,
 * at the cost of a disk flush per update.
 *
 * Appends never leave a statement open (their `INSERT … RETURNING` is read
 * through `.all()`, which steps it to the end; `.get()` would leave it
 * stepping), so SQLite's automatic checkpoints complete and the WAL stays
 * bounded (about 4 MB) under sustained appends; see `openSqlite`. The
 * checkpoints run on a thread of their own ({@link WalCheckpointer}), so an
 * append seldom waits for one. A turn with one append runs that one statement
 * alone, without BEGIN/COMMIT.
 *
 * @example
 * ```ts
 * const storage = new SqliteRoomStorage({ dataDir: './data' })
 * const seq = await storage.appendUpdate('room1', { time: Date.now(), author: 'user:a', update })
 * ```
 */
export class SqliteRoomStorage implements RoomStorage {
  private readonly db: Database.Database
  private readonly statements
  private readonly appends: GroupCommit<{ roomId: string; entry: NewLogEntry }, number>
  private readonly checkpointer: WalCheckpointer | null

  /**
   * Opens the store in `dataDir`, or uses an already open database (shared with the room directory); either way
   * the store checkpoints it and closes it.
   */
  constructor(
    options: ({ dataDir: string; synchronous?: SqliteSync } | { db: Database.Database }) & {
      logger?: Pick<Logger, 'warn'>
      /** False leaves checkpoints to SQLite's automatic ones, inside appends (for comparisons only). */
      checkpointInBackground?: boolean
    }
  ) {
    this.db = 'db' in options ? options.db : openSqlite(options.dataDir, options.synchronous)
    const { logger } = options
    this.checkpointer =
      options.checkpointInBackground === false
        ? null
        : WalCheckpointer.start(this.db, {
            onError:
              logger && ((err) => logger.warn({ err }, 'SQLite WAL checkpointer failed; appends now checkpoint')),
          })
    // A rowid table with the (room, seq) key in an index of its own, never WITHOUT ROWID: that layout keeps whole
    // rows in its interior pages, and a seek that compares against a row spilled to overflow pages reads all of it.
    // With multi-megabyte updates (pasted images) an append took 5.3 ms on an 865 MB file, 0.03 ms laid out so.
    migrateRoomLogToRowid(this.db, logger)
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS room_log (${ROOM_LOG_COLUMNS});
      CREATE TABLE IF NOT EXISTS room_snapshot (
        room TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL
      );
    `)
    this.statements = {
      // `.run()`s, `.all()`s and `.get()`s that read one row: no statement is left
      // stepping (as `INSERT … RETURNING` through `.get()` was), so no read
      // transaction stays open and WAL checkpoints can complete.
      // A turn's only append, in one statement: the next sequence number, a time no earlier than the last
      // entry's, and the insert. A writing statement takes the write lock before it reads (as BEGIN IMMEDIATE
      // does), so alone it is atomic against another connection. Read with `.all()`, which steps it to the end.
      appendAlone: this.db
        .prepare<[string, number, string, Buffer], number>(
          `INSERT INTO room_log (room, seq, time, author, data)
           SELECT new.room, COALESCE(last.seq, 0) + 1, MAX(new.time, COALESCE(last.time, new.time)), new.author, new.data
           FROM (SELECT ? AS room, ? AS time, ? AS author, ? AS data) AS new
           LEFT JOIN room_log AS last
             ON last.room = new.room AND last.seq = (SELECT MAX(seq) FROM room_log WHERE room = new.room)
           RETURNING seq`
        )
        .pluck(),
      // Within a batch's transaction, two plain statements cost less per row than the one above.
      last: this.db.prepare<[string], { seq: number; time: number }>(
        'SELECT seq, time FROM room_log WHERE room = ? ORDER BY seq DESC LIMIT 1'
      ),
      insert: this.db.prepare<[string, number, number, string, Buffer]>(
        'INSERT INTO room_log (room, seq, time, author, data) VALUES (?, ?, ?, ?, ?)'
      ),
      appendIfEmpty: this.db.prepare<[string, number, string, Buffer, string]>(
        `INSERT INTO room_log (room, seq, time, author, data)
         SELECT ?, 1, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM room_log WHERE room = ?)`
      ),
      readLog: this.db.prepare<[string, number, number], LogRow>(
        'SELECT seq, time, author, data FROM room_log WHERE room = ? AND seq > ? ORDER BY seq LIMIT ?'
      ),
      // length() of a BLOB column reads the record header only, never the blob.
      entrySizes: this.db.prepare<[string, number, number], { size: number }>(
        'SELECT length(data) AS size FROM room_log WHERE room = ? AND seq > ? ORDER BY seq LIMIT ?'
      ),
      logBytes: this.db.prepare<[string], { bytes: number }>(
        'SELECT COALESCE(SUM(length(data)), 0) AS bytes FROM room_log WHERE room = ?'
      ),
      readSnapshot: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM room_snapshot WHERE room = ?'
      ),
      // Never past the log's end: a room still saving after its board was deleted stores nothing.
      saveSnapshot: this.db.prepare<{ room: string; seq: number; data: Buffer }>(
        `INSERT INTO room_snapshot (room, seq, data)
         SELECT :room, :seq, :data WHERE EXISTS (SELECT 1 FROM room_log WHERE room = :room AND seq >= :seq)
         ON CONFLICT (room) DO UPDATE SET seq = excluded.seq, data = excluded.data
         WHERE excluded.seq > room_snapshot.seq`
      ),
    }
    // Times never decrease along a log (see LogEntry.time): each append keeps the last entry's time if later.
    const appendAlone = ({ roomId, entry }: { roomId: string; entry: NewLogEntry }): number =>
      this.statements.appendAlone.all(roomId, entry.time, entry.author, toBuffer(entry.update))[0]!
    // Inside a write transaction: the next sequence number and the insert, atomically.
    const appendRow = ({ roomId, entry }: { roomId: string; entry: NewLogEntry }): number => {
      const last = this.statements.last.get(roomId)
      const next = (last?.seq ?? 0) + 1
      const time = Math.max(entry.time, last?.time ?? entry.time)
      this.statements.insert.run(roomId, next, time, entry.author, toBuffer(entry.update))
      return next
    }
    const appendAll = this.db.transaction((rows: { roomId: string; entry: NewLogEntry }[]) => rows.map(appendRow))
    this.appends = new GroupCommit({
      // A turn with one append (one writer: the common case) needs no BEGIN/COMMIT around its one statement.
      writeBatch: (rows) => (rows.length === 1 ? [appendAlone(rows[0]!)] : appendAll.immediate(rows)),
      writeOne: appendAlone,
    })
  }

  async loadRoom(roomId: string): Promise<StoredRoom> {
    this.appends.commitNow()
    const row = this.statements.readSnapshot.get(roomId)
    const snapshot: RoomSnapshot | null = row ? { seq: row.seq, update: toBytes(row.data) } : null
    const entries = await this.readLog(roomId, snapshot?.seq ?? 0)
    return { snapshot, entries }
  }

  appendUpdate(roomId: string, entry: NewLogEntry): Promise<number> {
    this.checkpointer?.noteWritten(entry.update.byteLength)
    return this.appends.write({ roomId, entry })
  }

  async appendIfEmpty(roomId: string, entry: NewLogEntry): Promise<number | null> {
    this.appends.commitNow()
    const { changes } = this.statements.appendIfEmpty.run(
      roomId,
      entry.time,
      entry.author,
      toBuffer(entry.update),
      roomId
    )
    return changes ? 1 : null
  }

  async deleteLog(key: string): Promise<void> {
    this.appends.commitNow()
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM room_log WHERE room = ?').run(key)
      this.db.prepare('DELETE FROM room_snapshot WHERE room = ?').run(key)
    })()
  }

  async ping(): Promise<void> {
    if (!this.db.open) throw new Error('database is closed')
    this.db.prepare('SELECT 1').get()
  }

  async saveSnapshot(roomId: string, snapshot: RoomSnapshot): Promise<void> {
    this.appends.commitNow()
    this.statements.saveSnapshot.run({ room: roomId, seq: snapshot.seq, data: toBuffer(snapshot.update) })
    this.checkpointer?.noteWritten(snapshot.update.byteLength)
  }

  async readLog(roomId: string, afterSeq = 0, limit = Number.MAX_SAFE_INTEGER): Promise<LogEntry[]> {
    this.appends.commitNow()
    return this.statements.readLog.all(roomId, afterSeq, limit).map((row) => ({
      seq: row.seq,
      time: row.time,
      author: row.author,
      update: toBytes(row.data),
    }))
  }

  async readLogPage(roomId: string, afterSeq: number, bounds: LogPageBounds): Promise<LogPage> {
    this.appends.commitNow()
    // Sizes first (one past the page, to know whether more follow), then only the entries that fit.
    const sizes = this.statements.entrySizes.all(roomId, afterSeq, bounds.maxEntries + 1).map((row) => row.size)
    const count = pageSize(sizes, bounds)
    return { entries: await this.readLog(roomId, afterSeq, count), more: sizes.length > count }
  }

  async logBytes(roomId: string): Promise<number> {
    this.appends.commitNow()
    return this.statements.logBytes.get(roomId)!.bytes
  }

  async close(): Promise<void> {
    // The thread first: nothing may be queued between the last commit and the close, while this waits for it.
    await this.checkpointer?.stop()
    if (this.db.open) this.appends.commitNow()
    if (this.db.open) this.db.close()
  }
}

/** The log table's columns and key (see {@link migrateRoomLogToRowid}). */
const ROOM_LOG_COLUMNS = `
  room TEXT NOT NULL,
  seq INTEGER NOT NULL,
  time INTEGER NOT NULL,
  author TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (room, seq)`

/**
 * Moves a log table of earlier releases (`WITHOUT ROWID`) to the rowid
 * layout, once, in one transaction: a copy in key order, then the old table
 * dropped. In a `WITHOUT ROWID` table interior b-tree pages hold whole rows,
 * and SQLite reads a spilled row whole to compare a key against it, so every
 * seek on a log holding multi-megabyte updates read megabytes: an attacker's
 * 865 MB file took 5.3 ms per append and 5.8 ms to find a room's last entry
 * (0.03 and 0.005 ms after), which lagged a room's edits by minutes. Copying
 * that file took 5.3 s. Does nothing on a new or already moved database.
 */
export function migrateRoomLogToRowid(db: Database.Database, logger?: Pick<Logger, 'warn'>): void {
  const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'room_log'").get() as
    { sql: string } | undefined
  if (!table || !/WITHOUT\s+ROWID/i.test(table.sql)) return
  const started = performance.now()
  db.transaction(() => {
    db.exec(`
      CREATE TABLE room_log_rowid (${ROOM_LOG_COLUMNS});
      INSERT INTO room_log_rowid (room, seq, time, author, data)
        SELECT room, seq, time, author, data FROM room_log ORDER BY room, seq;
      DROP TABLE room_log;
      ALTER TABLE room_log_rowid RENAME TO room_log;
    `)
  })()
  logger?.warn(
    { ms: Math.round(performance.now() - started) },
    'moved the room log to the rowid layout (once; see migrateRoomLogToRowid)'
  )
}
