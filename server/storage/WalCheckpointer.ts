import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'

/** How often the checkpointer copies the WAL's new pages into the database file. */
export const WAL_CHECKPOINT_INTERVAL_MS = 200

/** What SQLite reports for one checkpoint: `log` frames in the WAL, `checkpointed` of them in the database file. */
export interface WalCheckpoint {
  busy: number
  log: number
  checkpointed: number
}

/**
 * Checkpoints a WAL-mode database from a worker thread, so the server's event
 * loop never does it.
 *
 * SQLite's automatic checkpoint runs inside the commit that crosses its
 * threshold: every ~730 appends (1,000 WAL pages) one append copied ~4 MB into
 * the database file and flushed it to disk first, and that append took
 * 14–23 ms instead of ~0.1–0.3 (`tests/bench/micro/appendStall.ts`), stalling
 * every room on the server. Here a second connection, on its own thread,
 * checkpoints every {@link WAL_CHECKPOINT_INTERVAL_MS} in PASSIVE mode, which
 * neither waits for nor blocks the server's writes; the WAL is then restarted
 * by the next write, as before. The server's connection keeps its automatic
 * checkpoint as a backstop: it only fires when more than its threshold of
 * pages is written between two rounds here (or this thread has failed), and
 * while this thread is checkpointing it gives up at once instead of waiting.
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

  /** Starts checkpointing `db`'s file; null for an in-memory database (it has no WAL). */
  static start(
    db: Database.Database,
    options: { intervalMs?: number; onError?: (error: Error) => void } = {}
  ): WalCheckpointer | null {
    if (db.memory) return null
    const synchronous = db.pragma('synchronous', { simple: true }) as number
    return new WalCheckpointer(db.name, synchronous, options.intervalMs ?? WAL_CHECKPOINT_INTERVAL_MS, options.onError)
  }

  private constructor(file: string, synchronous: number, intervalMs: number, onError?: (error: Error) => void) {
    this.worker = new Worker(new URL('./walCheckpointWorker.mjs', import.meta.url), {
      workerData: { file, synchronous, intervalMs },
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
