import type pg from 'pg'
import type { LogEntry, LogPage, LogPageBounds, RoomSnapshot } from '../storage/RoomStorage'
import { pageSize } from '../storage/logPage'
import { inTransaction } from './inTransaction'

/** Entries inserted per statement while archiving. */
const INSERT_BATCH = 500

/** Rows read per query while paging (a page needs their sizes before their bytes). */
const SIZE_BATCH = 2_000

interface EntryRow {
  seq: number
  time: number
  author: string
  update: Buffer
}

const toEntry = (row: EntryRow): LogEntry => ({
  seq: row.seq,
  time: row.time,
  author: row.author,
  update: new Uint8Array(row.update),
})

/**
 * The cold tier of room logs in PostgreSQL: the entries and snapshot of each
 * log archived from Redis (`room_log_entries`, `room_log_snapshots`), and the
 * queue of logs to look at once they may have gone idle
 * (`room_log_archive_queue`). Keys are the storage's log keys.
 */
export class PostgresLogArchive {
  constructor(private readonly pool: pg.Pool) {}

  /** Archived entries with `afterSeq < seq <= upToSeq`, oldest first, at most `limit`. */
  async readEntries(logKey: string, afterSeq: number, upToSeq: number, limit: number): Promise<LogEntry[]> {
    const { rows } = await this.pool.query<EntryRow>(
      `SELECT seq, time, author, update FROM room_log_entries
       WHERE log_key = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
      [logKey, afterSeq, upToSeq, Math.min(limit, Number.MAX_SAFE_INTEGER)]
    )
    return rows.map(toEntry)
  }

  /**
   * One bounded page of archived entries after `afterSeq` (up to `upToSeq`):
   * sizes are read first, so no update past the byte bound is loaded. `more`
   * says whether archived entries follow the page.
   */
  async readPage(logKey: string, afterSeq: number, upToSeq: number, bounds: LogPageBounds): Promise<LogPage> {
    const { rows } = await this.pool.query<{ seq: number; size: number }>(
      `SELECT seq, octet_length(update) AS size FROM room_log_entries
       WHERE log_key = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
      [logKey, afterSeq, upToSeq, Math.min(bounds.maxEntries + 1, SIZE_BATCH)]
    )
    const count = pageSize(
      rows.map((r) => r.size),
      bounds
    )
    if (count === 0) return { entries: [], more: false }
    const entries = await this.readEntries(logKey, afterSeq, rows[count - 1]!.seq, count)
    return { entries, more: rows.length > count || entries.at(-1)!.seq < upToSeq }
  }

  /** The archived snapshot of a log, if any. */
  async snapshot(logKey: string): Promise<RoomSnapshot | null> {
    const { rows } = await this.pool.query<{ seq: number; data: Buffer }>(
      'SELECT seq, data FROM room_log_snapshots WHERE log_key = $1',
      [logKey]
    )
    return rows[0] ? { seq: rows[0].seq, update: new Uint8Array(rows[0].data) } : null
  }

  /**
   * Stores entries (an entry already archived is kept as it is: archiving
   * the same range twice changes nothing) and a snapshot, unless a newer one
   * is stored, in one transaction.
   */
  async store(logKey: string, entries: readonly LogEntry[], snapshot: RoomSnapshot | null): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (let i = 0; i < entries.length; i += INSERT_BATCH) {
        const batch = entries.slice(i, i + INSERT_BATCH)
        await client.query(
          `INSERT INTO room_log_entries (log_key, seq, time, author, update)
           SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::bytea[])
           ON CONFLICT (log_key, seq) DO NOTHING`,
          [
            logKey,
            batch.map((e) => e.seq),
            batch.map((e) => e.time),
            batch.map((e) => e.author),
            batch.map((e) => Buffer.from(e.update.buffer, e.update.byteOffset, e.update.byteLength)),
          ]
        )
      }
      if (snapshot) {
        await client.query(
          `INSERT INTO room_log_snapshots (log_key, seq, data) VALUES ($1, $2, $3)
           ON CONFLICT (log_key) DO UPDATE SET seq = excluded.seq, data = excluded.data
           WHERE room_log_snapshots.seq < excluded.seq`,
          [logKey, snapshot.seq, Buffer.from(snapshot.update)]
        )
      }
    })
  }

  /** Deletes a log's archived entries, snapshot and queue entry (the board was deleted). */
  async deleteLog(logKey: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const table of ['room_log_entries', 'room_log_snapshots', 'room_log_archive_queue']) {
        await client.query(`DELETE FROM ${table} WHERE log_key = $1`, [logKey])
      }
    })
  }

  /** Resolves when PostgreSQL answers. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1')
  }

  /** Queues logs to be looked at from `due` (ms) on; a log already queued keeps its time. */
  async enqueue(logKeys: readonly string[], due: number): Promise<void> {
    if (logKeys.length === 0) return
    await this.pool.query(
      `INSERT INTO room_log_archive_queue (log_key, due) SELECT k, $2 FROM unnest($1::text[]) AS k
       ON CONFLICT (log_key) DO NOTHING`,
      [logKeys, due]
    )
  }

  /**
   * Takes up to `limit` logs due at `now`, each locked for this caller alone
   * (`SKIP LOCKED`: servers running this at once share the work), and hands
   * each to `visit`, which answers when to look again (or null: done, the
   * log leaves the queue). One transaction holds the locks until all are visited.
   */
  async takeDue(now: number, limit: number, visit: (logKey: string) => Promise<number | null>): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ log_key: string }>(
        `SELECT log_key FROM room_log_archive_queue WHERE due <= $1 ORDER BY due LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, limit]
      )
      for (const { log_key: logKey } of rows) {
        const again = await visit(logKey)
        if (again === null) await client.query('DELETE FROM room_log_archive_queue WHERE log_key = $1', [logKey])
        else await client.query('UPDATE room_log_archive_queue SET due = $2 WHERE log_key = $1', [logKey, again])
      }
      return rows.length
    })
  }
}
