import type { TLRecord } from '@tldraw/tlschema'
import { referencesChanged, type RecordGraph } from './recordGraph'

/**
 * The records of a board that are in the doc but not yet in tldraw's store,
 * during a view-first load, and the order they will be loaded in.
 *
 * Every batch it hands out is closed under {@link RecordGraph.closure}
 * together with what is already loaded, so the store never holds half of a
 * binding, a child without its parent, or a frame or group without all its
 * children. That is what keeps tldraw's own cascades complete during the
 * load: when the user deletes a loaded shape, every binding and child of it
 * is loaded too, and tldraw deletes them as usual.
 */
export class PendingRecords {
  private readonly pending = new Set<string>()
  private cursor = 0

  /**
   * @param graph every document record of the board (at attach).
   * @param order shape ids, in the order they should arrive.
   * @param loaded ids already put in the store.
   */
  constructor(
    private readonly graph: RecordGraph,
    private readonly order: string[],
    loaded: ReadonlySet<string>
  ) {
    for (const id of graph.ids()) if (!loaded.has(id)) this.pending.add(id)
  }

  /** Records still to load. */
  get size(): number {
    return this.pending.size
  }

  /** True when `id` is in the doc but not yet in the store. */
  has(id: string): boolean {
    return this.pending.has(id)
  }

  /**
   * A newer version of a pending record (a peer changed it before it was loaded).
   *
   * @returns true when it now points at other records than before (a new
   * parent, other bound shapes): the batches planned so far may then split
   * what must load together.
   */
  update(record: TLRecord): boolean {
    if (!this.pending.has(record.id)) return false
    const before = this.graph.get(record.id)
    this.graph.set(record)
    return !before || referencesChanged(before, record)
  }

  /** A pending record left the doc: it will never be loaded. */
  forget(id: string): void {
    this.pending.delete(id)
    this.graph.delete(id)
  }

  /**
   * The pending records that depend on `id` (its bindings and children,
   * theirs in turn): what tldraw would have deleted with it, had they been
   * loaded.
   */
  dependents(id: string): string[] {
    return this.graph.dependents(id).filter((dependent) => this.pending.has(dependent))
  }

  /**
   * The next shapes in order with their closure, at least `count` records
   * (fewer at the end), and marks them loaded.
   */
  take(count: number): TLRecord[] {
    const out: TLRecord[] = []
    const notPending = (id: string) => !this.pending.has(id)
    while (out.length < count && this.pending.size > 0) {
      const next = this.cursor < this.order.length ? [this.order[this.cursor++]!] : [...this.pending]
      for (const record of this.graph.closure(next, notPending)) {
        this.pending.delete(record.id)
        out.push(record)
      }
      // Ids the graph no longer holds (deleted) are dropped here.
      for (const id of next) this.pending.delete(id)
    }
    return out
  }

  /** Everything left, in one batch. */
  takeAll(): TLRecord[] {
    return this.take(Number.POSITIVE_INFINITY)
  }
}
