import * as Y from 'yjs'
import { getMetaMap, getRecordsMap } from '@/lib/binding/yRecords'

/** A shadow unused for this long is dropped (at the least; see {@link SHADOW_KEEP_FACTOR}). */
export const SHADOW_MIN_IDLE_MS = 1_000

/**
 * A shadow is kept unused for at least this many times what building it
 * took, so rebuilding it after an idle spell costs at most 1 % of that spell
 * (a 5-shape board: ~0.3 ms to build, dropped after 1 s; a board that takes
 * 30 ms to copy is kept for 3 s).
 */
export const SHADOW_KEEP_FACTOR = 100

/**
 * A copy of a board's doc, kept in step with it, for trying updates on
 * before they reach the real doc ({@link BoardUpdateGuard}).
 *
 * The copy doubles the doc's memory, so it exists only while the room is
 * being written to: it is made on first use (from the real doc's state) and
 * dropped once unused for {@link SHADOW_MIN_IDLE_MS} or
 * {@link SHADOW_KEEP_FACTOR} × its build time, whichever is longer; the next
 * use rebuilds it. An idle open room holds one copy of its board, not two.
 *
 * @example
 * ```ts
 * const shadow = new ShadowDoc(room.doc)
 * Y.applyUpdate(shadow.get(), update) // try it
 * shadow.withoutMirror(() => Y.applyUpdate(room.doc, update)) // the copy has it already
 * ```
 */
export class ShadowDoc {
  private copy: Y.Doc | null = null
  private lastUsed = 0
  private keepMs = SHADOW_MIN_IDLE_MS
  private idleTimer: ReturnType<typeof setTimeout> | null = null
  /** True while the real doc applies a change the copy already holds. */
  private mirrorPaused = false

  constructor(private readonly doc: Y.Doc) {}

  /** The copy, made now if there is none; counts as a use. */
  get(): Y.Doc {
    this.lastUsed = Date.now()
    if (this.copy) return this.copy
    const started = performance.now()
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc))
    getRecordsMap(copy)
    getMetaMap(copy)
    this.copy = copy
    // Follows the doc only while the copy exists: an 'update' listener makes Yjs encode every transaction.
    this.doc.on('update', this.mirror)
    this.keepMs = Math.max(SHADOW_MIN_IDLE_MS, SHADOW_KEEP_FACTOR * (performance.now() - started))
    this.armIdleTimer(this.keepMs)
    return copy
  }

  /** Whether a copy exists now (for tests and metrics). */
  get exists(): boolean {
    return this.copy !== null
  }

  /** Runs `change` on the real doc without passing it to the copy (which holds it already). */
  withoutMirror<T>(change: () => T): T {
    this.mirrorPaused = true
    try {
      return change()
    } finally {
      this.mirrorPaused = false
    }
  }

  /** Frees the copy (after a refused update, which it may hold); the next {@link get} copies the doc again. */
  drop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    this.doc.off('update', this.mirror)
    this.copy?.destroy()
    this.copy = null
  }

  /** Stops following the doc and frees the copy. */
  destroy(): void {
    this.drop()
  }

  /** Every change the room makes on its own authority (log, other servers, the server) reaches the copy too. */
  private readonly mirror = (update: Uint8Array): void => {
    if (this.copy && !this.mirrorPaused) Y.applyUpdate(this.copy, update)
  }

  private armIdleTimer(ms: number): void {
    this.idleTimer = setTimeout(this.dropIfIdle, ms)
    this.idleTimer.unref?.()
  }

  /** One timer per idle spell, not one per use: uses only move {@link lastUsed}. */
  private readonly dropIfIdle = (): void => {
    this.idleTimer = null
    const idle = Date.now() - this.lastUsed
    if (idle >= this.keepMs) this.drop()
    else this.armIdleTimer(this.keepMs - idle)
  }
}
