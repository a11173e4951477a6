import { HttpError } from '@/lib/http/fetchJson'
import { RetryBackoff, serverBusy } from '@/lib/http/retryPolicy'
import { applySheetEdit, sheetEditSchema, type SheetEdit } from '@/lib/rubric/rubricSheet'
import type { SheetView } from '@/lib/session/sessionView'

/**
 * Why a request failed, as the queue acts on it:
 * - `offline`: the browser says it has no network (fetch's `TypeError` while `navigator.onLine` is false);
 * - `unreachable`: fetch failed though the browser thinks it is online (server restarting, proxy, Wi-Fi glitch);
 * - `busy`: the server answered 5xx, 408 or 429, maybe with a `Retry-After`;
 * - `refused`: any other answer (403 no longer allowed to write, 409 submitted or note cap, 400…): final,
 *   with the server's message, which is written for people.
 */
export type SendFailure =
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  | { kind: 'busy'; retryAfterMs?: number }
  | { kind: 'refused'; message: string }

/** Sorts a failed request into {@link SendFailure}. */
export function classifyFailure(error: unknown, online = true): SendFailure {
  if (error instanceof HttpError) {
    if (!serverBusy(error)) return { kind: 'refused', message: error.message }
    return error.retryAfterMs === undefined ? { kind: 'busy' } : { kind: 'busy', retryAfterMs: error.retryAfterMs }
  }
  // fetch rejects with a TypeError ("Failed to fetch", "Load failed", "NetworkError…") when nothing answered.
  return { kind: online ? 'unreachable' : 'offline' }
}

/** Why a read failed, in words for people (never the browser's "Failed to fetch"). */
function loadErrorMessage(failure: SendFailure): string {
  switch (failure.kind) {
    case 'offline':
      return 'you are offline'
    case 'unreachable':
      return 'the server could not be reached'
    case 'busy':
      return 'the server is busy'
    case 'refused':
      return failure.message
  }
}

/** Edits not yet confirmed by the server, kept across a reload of the tab (see `useMySheet`). */
export interface PersistedEdits {
  /** Whose sheet they were made on: restored only onto the same author's sheet. */
  authorId: string
  edits: SheetEdit[]
}

/** Where {@link SheetEditQueue} keeps its unsent edits (sessionStorage in the browser). */
export interface EditStore {
  read(): PersistedEdits | null
  /** Null clears it. */
  write(value: PersistedEdits | null): void
}

/** What {@link SheetEditQueue} needs. */
export interface SheetEditQueueDeps {
  /** Sends one edit (`PATCH …/sheet`); resolves with the stored sheet. */
  send: (edit: SheetEdit) => Promise<SheetView>
  /** Reads the stored sheet (`GET …/sheet`). */
  fetch: () => Promise<SheetView>
  /** Names the author of notes added locally (the server stamps its own on the stored note). */
  author?: () => string
  /** Whether the browser thinks it is online (`navigator.onLine`); default true. */
  isOnline?: () => boolean
  store?: EditStore | null
  setTimer?: (run: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
  now?: () => number
}

/** Why edits are waiting: see {@link SendFailure}. */
export type WaitReason = 'offline' | 'unreachable' | 'busy'

/** What the queue shows: the sheet with unsent edits applied, and how saving goes. */
export interface SheetEditState {
  /** The last sheet the server returned (a load or an edit's answer); null until the first arrives. */
  server: SheetView | null
  /** {@link server} with every unconfirmed edit applied on top, in order: what the user sees. */
  view: SheetView | null
  /** Edits made but not yet confirmed by the server (the one being sent included). */
  pending: number
  /** A request is on its way. */
  sending: boolean
  /** Set while edits wait for a retry after the network or the server failed. */
  waiting: { reason: WaitReason; retryAt: number } | null
  /** The server's message when it refused an edit (the edit was undone); cleared by the next edit. */
  refused: string | null
  /** Nothing loaded yet and a load is on its way. */
  loading: boolean
  /** Why the last load failed while nothing is loaded. */
  loadError: string | null
}

type Item =
  | { kind: 'edit'; edit: SheetEdit }
  | {
      kind: 'action'
      run: () => Promise<SheetView>
      resolve: (view: SheetView) => void
      reject: (error: unknown) => void
    }

/** An error whose message explains, in words for people, why an action did not run. */
export class EditsWaitingError extends Error {}

const waitingMessage = (n: number) =>
  `${n === 1 ? '1 change is' : `${n} changes are`} not saved yet, so nothing was done. Try again once the sheet shows Saved.`

/**
 * The interviewer's own rubric sheet as a queue of edits (pure: no React, no DOM; the hook wires it up).
 *
 * - Each edit shows at once (applied locally on top of the server's sheet) and is sent in the order it was
 *   made, one at a time; nothing is ever reordered.
 * - An edit the network or a busy server could not take stays at the head of the queue and is tried again
 *   after 1 s, 2 s, 4 s … 15 s (or the server's `Retry-After`, up to a minute), or at once on
 *   {@link retryNow} (the `online` event, the Retry button). Edits behind it wait.
 * - An edit the server refuses (a 4xx other than 408/429) is dropped: the sheet rolls back to the server's
 *   state with the later edits still applied, the server's message shows, and the sheet is read again.
 * - A sheet read from the server (the first load or a later one) never erases local work: it is ignored
 *   when an edit's answer arrived after the read started (that answer is at least as fresh for this
 *   author's edits), and otherwise every unconfirmed edit is applied again on top of it.
 * - Actions (share, open, submit) run in the same line, after the edits made before them, once, never
 *   retried automatically (the caller's toast offers "Try again"); they are refused at once while edits
 *   wait for the network, so a submit never freezes a sheet without the changes the user made before it.
 *
 * Every edit is safe to send twice (a retry after a lost answer, or a reload resending what was
 * persisted): score, flag, tick and recommendation set a value; addNote and removeNote carry the note's
 * id, and the server's `applySheetEdit` ignores a note id it already holds.
 */
export class SheetEditQueue {
  private items: Item[] = []
  private running = false
  private timer: unknown = null
  /** Pauses between automatic tries (an `online` event or Retry tries at once). */
  private readonly backoff = new RetryBackoff()
  /** Counts the server's answers to edits and actions: a load started before one of them is stale. */
  private answers = 0
  private loadRun: Promise<void> | null = null
  private restored = false
  private state: SheetEditState = {
    server: null,
    view: null,
    pending: 0,
    sending: false,
    waiting: null,
    refused: null,
    loading: false,
    loadError: null,
  }
  private readonly listeners = new Set<() => void>()
  private readonly setTimer: (run: () => void, ms: number) => unknown
  private readonly clearTimer: (timer: unknown) => void
  private readonly now: () => number

  constructor(private readonly deps: SheetEditQueueDeps) {
    this.setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms))
    this.clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>))
    this.now = deps.now ?? Date.now
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The current state (a new object after every change, for `useSyncExternalStore`). */
  getState = (): SheetEditState => this.state

  /** Makes an edit: shown at once, sent after the edits before it. */
  edit(edit: SheetEdit): void {
    // A score changed again before the previous one left (arrow keys, a long offline spell) replaces it
    // in place of sending both; only when no action sits between them (it would share or submit the
    // earlier value). Scores on different dimensions commute, so this changes no outcome.
    if (edit.op === 'score') {
      for (let i = this.items.length - 1; i >= (this.running ? 1 : 0); i--) {
        const item = this.items[i]!
        if (item.kind === 'action') break
        if (item.edit.op === 'score' && item.edit.dimension === edit.dimension) {
          this.items.splice(i, 1)
          break
        }
      }
    }
    this.items.push({ kind: 'edit', edit })
    this.update({ refused: null })
    void this.drain()
  }

  /**
   * Runs a request that answers with the stored sheet (share, open to interviewers, submit) after the
   * edits made before it. Rejects with {@link EditsWaitingError} while edits wait for the network.
   */
  action(run: () => Promise<SheetView>): Promise<SheetView> {
    if (this.state.waiting) return Promise.reject(new EditsWaitingError(waitingMessage(this.editCount())))
    return new Promise<SheetView>((resolve, reject) => {
      this.items.push({ kind: 'action', run, resolve, reject })
      void this.drain()
    })
  }

  /**
   * Reads the stored sheet (on mount, after a refusal, or when asked). On the first successful read,
   * edits persisted by an earlier page of this tab for the same author are queued again, first.
   */
  load(): Promise<void> {
    if (this.loadRun) return this.loadRun
    const answersBefore = this.answers
    if (!this.state.server) this.update({ loading: true, loadError: null })
    const run = this.deps.fetch().then(
      (server) => {
        this.loadRun = null
        // An edit's answer came back after this read started: that answer stands (this one may predate it).
        const fresh = this.answers === answersBefore
        this.restore(server)
        this.update({ loading: false, loadError: null, ...(fresh ? { server } : {}) })
        void this.drain()
      },
      (error: unknown) => {
        this.loadRun = null
        this.update({
          loading: false,
          loadError: this.state.server
            ? null
            : loadErrorMessage(classifyFailure(error, this.deps.isOnline?.() ?? true)),
        })
      }
    )
    this.loadRun = run
    return run
  }

  /** Tries waiting edits now (the browser came back online, or the user pressed Retry). */
  retryNow(): void {
    if (this.timer === null) return
    this.clearTimer(this.timer)
    this.timer = null
    this.backoff.reset()
    void this.drain()
  }

  /** Stops a scheduled retry (tests; a page going away). Queued edits stay persisted. */
  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer)
    this.timer = null
  }

  private editCount(): number {
    return this.items.filter((i) => i.kind === 'edit').length
  }

  private restore(server: SheetView): void {
    if (this.restored) return
    this.restored = true
    const saved = this.deps.store?.read()
    if (!saved || saved.authorId !== server.authorId) return
    const edits = saved.edits.flatMap((e) => {
      const parsed = sheetEditSchema.safeParse(e)
      return parsed.success ? [parsed.data] : []
    })
    // Made before anything queued on this page: they go first (the head may be on its way already).
    const at = this.running ? 1 : 0
    this.items.splice(at, 0, ...edits.map((edit): Item => ({ kind: 'edit', edit })))
  }

  private async drain(): Promise<void> {
    if (this.running || this.timer !== null) return
    this.running = true
    try {
      while (this.items.length) {
        const item = this.items[0]!
        this.update({ sending: true })
        try {
          const server = item.kind === 'edit' ? await this.deps.send(item.edit) : await item.run()
          this.answers++
          this.items.shift()
          this.backoff.reset()
          this.update({ server, waiting: null })
          if (item.kind === 'action') item.resolve(server)
        } catch (error) {
          if (item.kind === 'action') {
            // The caller reports it (a toast with "Try again"); never retried here.
            this.items.shift()
            item.reject(error)
            continue
          }
          const failure = classifyFailure(error, this.deps.isOnline?.() ?? true)
          if (failure.kind === 'refused') {
            // Rolled back: dropping it from the queue takes it out of the view; read the server's state again.
            this.items.shift()
            this.update({ refused: failure.message, waiting: null })
            void this.load()
            continue
          }
          // Actions behind a waiting edit are refused now rather than left hanging.
          const message = waitingMessage(this.editCount())
          this.items = this.items.filter((i) => {
            if (i.kind === 'edit') return true
            i.reject(new EditsWaitingError(message))
            return false
          })
          const delay = this.backoff.next(error)
          this.timer = this.setTimer(() => {
            this.timer = null
            void this.drain()
          }, delay)
          this.update({ waiting: { reason: failure.kind, retryAt: this.now() + delay } })
          return
        }
      }
    } finally {
      this.running = false
      this.update({ sending: false })
    }
  }

  /** Replaces the state (recomputing the view), persists unsent edits and tells the listeners. */
  private update(change: Partial<SheetEditState>): void {
    const next = { ...this.state, ...change }
    const edits = this.items.flatMap((i) => (i.kind === 'edit' ? [i.edit] : []))
    const by = this.deps.author?.() ?? ''
    next.pending = edits.length
    next.view = next.server && {
      ...next.server,
      sheet: edits.reduce((sheet, edit) => applySheetEdit(sheet, edit, by), next.server.sheet),
    }
    this.state = next
    const authorId = next.server?.authorId
    if (authorId && this.restored) this.deps.store?.write(edits.length ? { authorId, edits } : null)
    for (const listener of this.listeners) listener()
  }
}
