import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'

/**
 * WAL pages written (as {@link WalCheckpointer.noteWritten} estimates them) that start a checkpoint round: often
 * enough that the WAL rarely nears SQLite's own threshold (1,000 pages), rare enough that a steady writer pays for
 * few disk flushes (rounds every 200 ms whatever was written cost 2–12 % more CPU per delivered update at 30 shape
 * moves a second to 100 observers; this is a round every ~3 s there).
 */
export const CHECKPOINT_AFTER_PAGES = 200

/** The least time from one round's start to the next's: under a burst of writes, rounds do not follow each other. */
export const MIN_ROUND_SPACING_MS = 1000

/** A round also runs this often, so what a quiet server wrote reaches the database file too. */
export const WAL_CHECKPOINT_INTERVAL_MS = 5000

/**
 * Bytes of a write counted as one more WAL page, on top of one page per write: an append of a 46-byte update
 * writes ~1.1 pages to the WAL, of 600 bytes ~2.6, of 2–3 KB ~4.2 (the log's leaf, its overflow pages and the
 * b-tree above them). Rounding up keeps rounds early rather than late.
 */
const BYTES_PER_PAGE = 1024

/** What SQLite reports for one checkpoint: `log` frames in the WAL, `checkpointed` of them in the database file. */
export interface WalCheckpoint {
  busy: number
  log: number
  checkpointed: number
}

/**
 * Checkpoints a WAL-mode database from a worker thread, so the server's event
 * loop seldom has to.
 *
 * SQLite's automatic checkpoint runs inside the commit that crosses its
 * threshold: every ~730 appends (1,000 WAL pages) one append copied ~4 MB into
 * the database file and flushed it to disk first, and that append took
 * 14–23 ms instead of ~0.1–0.3 (`tests/bench/micro/appendStall.ts`), stalling
 * every room on the server. Here a second connection, on its own thread,
 * checkpoints in PASSIVE mode, which neither waits for nor blocks the
 * server's writes: after every {@link CHECKPOINT_AFTER_PAGES} pages the store
 * reports writing ({@link noteWritten}), at most every
 * {@link MIN_ROUND_SPACING_MS}, and every {@link WAL_CHECKPOINT_INTERVAL_MS}.
 * The next write then starts the WAL over, as before. The server's connection
 * keeps its automatic checkpoint as a backstop: it fires only when the WAL
 * reaches 1,000 pages before a round here has let it start over (writes so
 * dense that one lands during every round, ~700 appends a second, or this
 * thread failed), and while this thread is checkpointing it gives up at once
 * instead of waiting.
 *
 * @example
 * ```ts
 * const checkpointer = WalCheckpointer.start(db, { onError: (err) => logger.warn({ err }, 'checkpointer') })
 * // …
 * await checkpointer?.stop()
 * db.close()
 * ```
 */
export class WalCheckpointer {
  private readonly worker: Worker
  private readonly exited: Promise<void>
  private readonly waiting: { resolve: (result: WalCheckpoint) => void; reject: (error: Error) => void }[] = []
  private ended = false
  private pagesSinceRound = 0
  private lastRoundAt = -Infinity

  /** Starts checkpointing `db`'s file; null for an in-memory database (it has no WAL). */
  static start(
    db: Database.Database,
    options: { intervalMs?: number; onError?: (error: Error) => void } = {}
  ): WalCheckpointer | null {
    if (db.memory) return null
    return new WalCheckpointer(db, options.intervalMs ?? WAL_CHECKPOINT_INTERVAL_MS, options.onError)
  }

  private constructor(db: Database.Database, intervalMs: number, onError?: (error: Error) => void) {
    const synchronous = db.pragma('synchronous', { simple: true }) as number
    this.worker = new Worker(new URL('./walCheckpointWorker.mjs', import.meta.url), {
      workerData: { file: db.name, synchronous, intervalMs },
      // No TypeScript loader or other flags of the server's: the thread runs one small JavaScript file.
      execArgv: [],
    })
    // The server may exit while this thread sleeps between rounds; the database's last close checkpoints anyway.
    this.worker.unref()
    this.worker.on('message', (result: WalCheckpoint) => this.waiting.shift()?.resolve(result))
    this.worker.on('error', (error) => {
      for (const pending of this.waiting.splice(0)) pending.reject(error)
      ;(onError ?? defaultOnError)(error)
    })
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.ended = true
        for (const pending of this.waiting.splice(0)) pending.reject(new Error('WAL checkpointer stopped'))
        resolve()
      })
    )
  }

  /**
   * Counts a write of `bytes` (a log entry, a snapshot) as the WAL pages it takes, about, and starts a round on
   * the thread once {@link CHECKPOINT_AFTER_PAGES} have been written since the last round began (and at least
   * {@link MIN_ROUND_SPACING_MS} has passed). The caller never waits for the round.
   */
  noteWritten(bytes: number): void {
    this.pagesSinceRound += 1 + Math.ceil(bytes / BYTES_PER_PAGE)
    if (this.pagesSinceRound < CHECKPOINT_AFTER_PAGES || this.ended) return
    const now = performance.now()
    if (now - this.lastRoundAt < MIN_ROUND_SPACING_MS) return
    this.pagesSinceRound = 0
    this.lastRoundAt = now
    this.worker.postMessage('round')
  }

  /** Checkpoints at once, on the thread, and reports what SQLite did. */
  checkpointNow(): Promise<WalCheckpoint> {
    if (this.ended) return Promise.reject(new Error('WAL checkpointer stopped'))
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject })
      this.worker.postMessage('now')
    })
  }

  /** Closes the thread's connection and ends the thread; resolves once it has ended. */
  async stop(): Promise<void> {
    if (!this.ended) {
      this.worker.ref() // keep the process alive until the thread has closed its connection
      this.worker.postMessage('stop')
    }
    await this.exited
  }
}

function defaultOnError(error: Error): void {
  console.warn('SQLite WAL checkpointer failed; the server now checkpoints on its own thread:', error)
}
