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

/**
 * How long, from one chunk's start to the next's, a chunk may hold the page:
 * its store put, the render it causes (tldraw mounts and measures the new
 * shapes) and the frames and input the browser fits in between. Input waits
 * up to about this long while the board streams in. Chosen by measurement
 * (README, "What is in view first"): tldraw re-derives its shape list and
 * culling over every mounted shape on each put, so half this target and
 * half the minimum chunk made the whole board take 1.5× longer to mount.
 */
const TARGET_MS = 300
const MIN_CHUNK = 50
const MAX_CHUNK = 500

/**
 * Calls `load(count)` again and again, one call per scheduled task, until it
 * returns 0 (nothing left). The count adapts so that the time between two
 * chunk starts stays near {@link TARGET_MS}: a chunk costs a fixed part
 * (tldraw re-derives the page's shape list and culling on every put, and a
 * frame is drawn between tasks) and a part per record, so the count grows
 * while chunks come quicker than that and shrinks when they come slower
 * (a busy page or a slow machine gets smaller chunks).
 */
export class ChunkStreamer {
  private size: number
  private cancel: (() => void) | null = null
  private lastStart: number | null = null

  constructor(
    private readonly load: (count: number) => number,
    private readonly schedule: Scheduler = backgroundScheduler,
    initialSize = 100
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
    this.lastStart = null
    this.cancel = this.schedule(this.run)
  }

  /** Stops streaming; {@link start} resumes. */
  stop(): void {
    this.cancel?.()
    this.cancel = null
  }

  private readonly run = (): void => {
    const start = performance.now()
    if (this.lastStart !== null) {
      const interval = Math.max(start - this.lastStart, 1)
      const factor = Math.min(2, Math.max(0.5, TARGET_MS / interval))
      this.size = Math.round(Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, this.size * factor)))
    }
    this.lastStart = start
    let count = 0
    try {
      count = this.load(this.size)
    } catch (error) {
      // One bad chunk must not stop the rest of the board from loading.
      console.error('[mockboard] a chunk of the board failed to load', error)
      count = 1
    }
    this.cancel = count > 0 ? this.schedule(this.run) : null
  }
}
