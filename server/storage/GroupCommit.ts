/** One queued write and the promise waiting for its result. */
interface Pending<T, R> {
  item: T
  resolve: (result: R) => void
  reject: (error: unknown) => void
}

/** How {@link GroupCommit} writes: a whole batch in one transaction, or one item alone. */
export interface GroupCommitWriter<T, R> {
  /** Writes every item in one transaction, in order; returns their results in order, or throws having written none. */
  writeBatch(items: T[]): R[]
  /** Writes one item in its own transaction (after a batch failed, so one bad item fails alone). */
  writeOne(item: T): R
}

/**
 * Group commit: writes queued during one event-loop turn are committed
 * together, in one transaction, at the end of the turn (`setImmediate`), in
 * the order they were queued. Each caller's promise resolves once its write
 * is committed, so "durable before broadcast" holds as before, and a turn
 * that brings appends for many rooms pays for one commit instead of one each.
 *
 * When the batch's transaction fails, each item is retried in its own
 * transaction, so one failing write rejects alone. {@link commitNow} commits
 * what is queued at once: callers run it before any other operation on the
 * same store, which then sees every write queued before it, as if writes were
 * immediate.
 *
 * @example
 * ```ts
 * const commits = new GroupCommit({ writeBatch: (rows) => tx(rows), writeOne: (row) => tx([row])[0] })
 * const seq = await commits.write(row) // committed with the rest of this turn's rows
 * ```
 */
export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = []

  constructor(private readonly writer: GroupCommitWriter<T, R>) {}

  /** Queues `item`; resolves with its result once it is committed (at the end of this turn at the latest). */
  write(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject })
      if (this.queue.length === 1) setImmediate(this.commitNow)
    })
  }

  /** Number of writes waiting for the next commit. */
  get pending(): number {
    return this.queue.length
  }

  /** Commits every queued write now (a no-op when none is queued). */
  readonly commitNow = (): void => {
    if (this.queue.length === 0) return
    const batch = this.queue
    this.queue = []
    let results: R[]
    try {
      results = this.writer.writeBatch(batch.map((pending) => pending.item))
    } catch {
      for (const pending of batch) {
        try {
          pending.resolve(this.writer.writeOne(pending.item))
        } catch (error) {
          pending.reject(error)
        }
      }
      return
    }
    batch.forEach((pending, i) => pending.resolve(results[i]!))
  }
}
