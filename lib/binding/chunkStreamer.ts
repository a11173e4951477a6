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
 * How long, from one chunk's start to the next's, a chunk may hold the page
 * while the user is present (see {@link ChunkStreamerOptions.present}): its
 * store put, the render it causes (tldraw mounts and measures the new shapes)
 * and the frames and input the browser fits in between. Input that arrives
 * while a chunk runs waits up to about this long; no chunk starts while the
 * user is pressing, dragging, scrolling or typing (see {@link ChunkStreamer}).
 */
export const PRESENT_TARGET_MS = 120

/**
 * The same while nobody has touched the page for a while: the board loads as
 * fast as it can. Every put costs tldraw and React a pass over every shape
 * already mounted (its shape list, culling, reconciling each one), so the
 * fewer the chunks, the sooner the board is whole: on the 2,000-shape board,
 * back to back, everything mounted in 0.92x bare tldraw's time with these
 * two speeds, against 1.13x for 120 ms chunks throughout (README, "Two-speed
 * chunks"). The price is the first input after a quiet spell: it may wait
 * for the chunk that is running, up to this long; from then on chunks are
 * {@link PRESENT_TARGET_MS} again.
 */
export const IDLE_TARGET_MS = 400
const MIN_CHUNK = 50
const MAX_CHUNK = 1_000

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
  /**
   * True while the user is at the page (input lately): chunks aim at
   * {@link PRESENT_TARGET_MS}, otherwise at {@link IDLE_TARGET_MS}. Default:
   * always present (the short chunks).
   */
  present?: () => boolean
  /** When to look again while the user is busy (default: {@link WAIT_POLL_MS} later). */
  wait?: Scheduler
  /** Records in the first chunk (default 100). */
  initialSize?: number
}

/**
 * Calls `load(count)` again and again, one call per scheduled task, until it
 * returns 0 (nothing left). The count adapts so that the time between two
 * chunk starts stays near the target ({@link PRESENT_TARGET_MS} while the
 * user is present, {@link IDLE_TARGET_MS} while not): a chunk costs a fixed part
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
  /** The target the current size was made for. */
  private target: number | null = null
  private readonly schedule: Scheduler
  private readonly wait: Scheduler
  private readonly busy: () => boolean
  private readonly present: () => boolean

  constructor(
    private readonly load: (count: number) => number,
    options: ChunkStreamerOptions = {}
  ) {
    this.schedule = options.schedule ?? backgroundScheduler
    this.wait = options.wait ?? pollLater
    this.busy = options.busy ?? (() => false)
    this.present = options.present ?? (() => true)
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
    const target = this.present() ? PRESENT_TARGET_MS : IDLE_TARGET_MS
    if (this.target !== null && target !== this.target) {
      // The user came (or went): scale the size to the new target at once, not over several chunks.
      this.resize(target / this.target)
    } else if (this.lastStart !== null) {
      const interval = Math.max(start - this.lastStart, 1)
      this.resize(Math.min(2, Math.max(0.5, target / interval)))
    }
    this.target = target
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

  private resize(factor: number): void {
    this.size = Math.round(Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, this.size * factor)))
  }
}
