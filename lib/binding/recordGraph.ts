import type { TLRecord } from '@tldraw/tlschema'

/**
 * The ids a record points at and cannot live without in tldraw's store: a
 * shape's parent (a page or another shape), a binding's two shapes.
 */
export function referencesOf(record: TLRecord): string[] {
  if (record.typeName === 'shape') return [record.parentId]
  if (record.typeName === 'binding') return [record.fromId, record.toId]
  return []
}

/** True when two versions of a record point at different records. */
export function referencesChanged(before: TLRecord, after: TLRecord): boolean {
  const a = referencesOf(before)
  const b = referencesOf(after)
  return a.length !== b.length || a.some((id, i) => id !== b[i])
}

/**
 * A board's records with both directions of their references indexed: what
 * each record points at ({@link referencesOf}) and what points at it (a
 * shape's or page's children, a shape's bindings).
 *
 * It answers the two questions of a partial load:
 * - {@link closure}: which records must enter tldraw's store together, so
 *   that tldraw never sees a binding without its shapes, a shape without its
 *   parent, or a shape without its bindings and children (tldraw's own
 *   cascades, e.g. "deleting a shape deletes its bindings", then act on
 *   everything they should);
 * - {@link dependents}: what tldraw would have deleted along with a record,
 *   had it been in the store.
 */
export class RecordGraph {
  private readonly byId = new Map<string, TLRecord>()
  private readonly pointedAtBy = new Map<string, Set<string>>()

  constructor(records: Iterable<TLRecord>) {
    for (const record of records) this.set(record)
  }

  /** The record with `id`, if the graph holds it. */
  get(id: string): TLRecord | undefined {
    return this.byId.get(id)
  }

  /** The ids of every record the graph holds. */
  ids(): IterableIterator<string> {
    return this.byId.keys()
  }

  /** Adds or replaces a record. */
  set(record: TLRecord): void {
    this.delete(record.id)
    this.byId.set(record.id, record)
    for (const target of referencesOf(record)) {
      let set = this.pointedAtBy.get(target)
      if (!set) this.pointedAtBy.set(target, (set = new Set()))
      set.add(record.id)
    }
  }

  /** Removes a record (what points at it keeps pointing: see {@link dependents}). */
  delete(id: string): void {
    const record = this.byId.get(id)
    if (!record) return
    this.byId.delete(id)
    for (const target of referencesOf(record)) this.pointedAtBy.get(target)?.delete(id)
  }

  /**
   * `ids` plus, transitively, everything they need beside them in tldraw's
   * store: a shape's parent shape, children and bindings; a binding's two
   * shapes. Pages are not followed down (a page's shapes stay where they
   * are), and nothing `skip` accepts is visited (records already loaded).
   */
  closure(ids: Iterable<string>, skip: (id: string) => boolean): TLRecord[] {
    const seen = new Set<string>()
    const out: TLRecord[] = []
    const stack = [...ids]
    while (stack.length) {
      const id = stack.pop()!
      if (seen.has(id) || skip(id)) continue
      seen.add(id)
      const record = this.byId.get(id)
      if (!record) continue
      out.push(record)
      if (record.typeName === 'shape' || record.typeName === 'binding') {
        stack.push(...referencesOf(record), ...(this.pointedAtBy.get(id) ?? []))
      }
    }
    return out
  }

  /** Every record that points at `id`, directly or through others (children, bindings, their children…). */
  dependents(id: string): string[] {
    const out: string[] = []
    const seen = new Set<string>([id])
    const stack = [id]
    while (stack.length) {
      for (const dependent of this.pointedAtBy.get(stack.pop()!) ?? []) {
        if (seen.has(dependent) || !this.byId.has(dependent)) continue
        seen.add(dependent)
        out.push(dependent)
        stack.push(dependent)
      }
    }
    return out
  }
}
