/** Runs `task` once, later; returns a function that cancels it. */
export type Scheduler = (task: () => void) => () => void

interface PostTaskScheduler {
  postTask: (task: () => void, options: { priority: 'background'; signal?: AbortSignal }) => Promise<unknown>
}

/**
 * Runs a task when the browser has nothing more urgent: `scheduler.postTask`
 * at background priority where it exists (Chromium), so input and frames go
 * first; otherwise a macrotask (a MessageChannel message, which has no
 * minimum delay unlike a chained `setTimeout`).
 */
export const backgroundScheduler: Scheduler = (task) => {
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler
  if (typeof scheduler?.postTask === 'function') {
    const abort = new AbortController()
    scheduler.postTask(task, { priority: 'background', signal: abort.signal }).catch(() => undefined)
    return () => abort.abort()
  }
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      task()
    }
    channel.port2.postMessage(null)
    return () => channel.port1.close()
  }
  const timer = setTimeout(task, 0)
  return () => clearTimeout(timer)
}

/** How long one chunk (its store put and the render it causes) may hold the main thread. */
const TARGET_MS = 12
const MIN_CHUNK = 2
const MAX_CHUNK = 400

/**
 * Calls `load(count)` again and again, one call per scheduled task, until it
 * returns 0 (nothing left). The count adapts so that each call, with what it
 * makes the page do before the next task (tldraw's React render of the new
 * shapes, their text measurement), takes about {@link TARGET_MS}: the time
 * between two task starts is that cost, plus whatever input and frames the
 * browser handled in between, so a busy page gets smaller chunks.
 */
export class ChunkStreamer {
  private size: number
  private cancel: (() => void) | null = null
  private last: { start: number; count: number } | null = null

  constructor(
    private readonly load: (count: number) => number,
    private readonly schedule: Scheduler = backgroundScheduler,
    initialSize = 8
  ) {
    this.size = initialSize
  }

  /** True while chunks are scheduled. */
  get running(): boolean {
    return this.cancel !== null
  }

  /** Starts streaming (no-op while running). */
  start(): void {
    if (this.cancel) return
    this.last = null
    this.cancel = this.schedule(this.run)
  }

  /** Stops streaming; {@link start} resumes. */
  stop(): void {
    this.cancel?.()
    this.cancel = null
  }

  private readonly run = (): void => {
    const start = performance.now()
    if (this.last && this.last.count > 0) {
      const perRecord = Math.max(start - this.last.start, 0.1) / this.last.count
      const fit = TARGET_MS / perRecord
      // Grow gently, shrink at once.
      this.size = Math.round(Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.min(fit, this.size * 1.5))))
    }
    const count = this.load(this.size)
    this.last = { start, count }
    this.cancel = count > 0 ? this.schedule(this.run) : null
  }
}
