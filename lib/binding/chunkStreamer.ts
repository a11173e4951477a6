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
 * up to about this long while the board streams in, unless the user was
 * already interacting (chunks then wait, see {@link ChunkStreamer}). Chosen
 * by measurement (README, "What is in view first"): every put costs tldraw a
 * pass over every mounted shape (its shape list, culling, React checking each
 * one), which made a third of 300 ms cost ~1.5x the total while each label
 * still cost ~2 ms to measure. With labels measured in batches and their
 * schema reused, 120 ms mounts the 2,000-shape board as fast as 300 did
 * (8.4 s against 8.5 s) and a drag started as the view is drawn moves
 * ~0.9 s sooner.
 */
const TARGET_MS = 120
const MIN_CHUNK = 50
const MAX_CHUNK = 500

/** Longest the streamer keeps stepping aside for a busy user before it loads a chunk anyway. */
const MAX_WAIT_MS = 1_000
/** How often it looks again whether the user is still busy. */
const WAIT_POLL_MS = 50

/** Runs a task {@link WAIT_POLL_MS} later (a timer: a busy user is not a reason to spin). */
const pollLater: Scheduler = (task) => {
  const timer = setTimeout(task, WAIT_POLL_MS)
  return () => clearTimeout(timer)
}

/** Options of a {@link ChunkStreamer}. */
export interface ChunkStreamerOptions {
  /** When to run each chunk (default {@link backgroundScheduler}). */
  schedule?: Scheduler
  /** True while the user interacts: no chunk starts then (for up to {@link MAX_WAIT_MS} in a row). */
  busy?: () => boolean
  /** When to look again while the user is busy (default: {@link WAIT_POLL_MS} later). */
  wait?: Scheduler
  /** Records in the first chunk (default 100). */
  initialSize?: number
}

/**
 * Calls `load(count)` again and again, one call per scheduled task, until it
 * returns 0 (nothing left). The count adapts so that the time between two
 * chunk starts stays near {@link TARGET_MS}: a chunk costs a fixed part
 * (tldraw re-derives the page's shape list and culling on every put, and a
 * frame is drawn between tasks) and a part per record, so the count grows
 * while chunks come quicker than that and shrinks when they come slower
 * (a busy page or a slow machine gets smaller chunks).
 *
 * A chunk cannot be cut short once its put has begun, so while `busy` says
 * the user is pressing, dragging, scrolling or typing, no chunk starts: the
 * streamer looks again a little later, and loads anyway once it has waited
 * {@link MAX_WAIT_MS} (a stuck pointer must not stall the board for good).
 */
export class ChunkStreamer {
  private size: number
  private cancel: (() => void) | null = null
  private lastStart: number | null = null
  private waitingSince: number | null = null
  private readonly schedule: Scheduler
  private readonly wait: Scheduler
  private readonly busy: () => boolean

  constructor(
    private readonly load: (count: number) => number,
    options: ChunkStreamerOptions = {}
  ) {
    this.schedule = options.schedule ?? backgroundScheduler
    this.wait = options.wait ?? pollLater
    this.busy = options.busy ?? (() => false)
    this.size = options.initialSize ?? 100
  }

  /** True while chunks are scheduled. */
  get running(): boolean {
    return this.cancel !== null
  }

  /** Starts streaming (no-op while running). */
  start(): void {
    if (this.cancel) return
    this.lastStart = null
    this.waitingSince = null
    this.cancel = this.schedule(this.run)
  }

  /** Stops streaming; {@link start} resumes. */
  stop(): void {
    this.cancel?.()
    this.cancel = null
  }

  private readonly run = (): void => {
    const start = performance.now()
    if (this.busy() && start - (this.waitingSince ??= start) < MAX_WAIT_MS) {
      // Look again later; the wait is not a slow chunk, so it does not shrink the next one.
      this.lastStart = null
      this.cancel = this.wait(() => (this.cancel = this.schedule(this.run)))
      return
    }
    this.waitingSince = null
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
