import * as Y from 'yjs'
import type { SerializedSchema } from '@tldraw/store'
import { getRecordsMap, readDocSchema, type YRecord } from '@/lib/binding/yRecords'

/**
 * A board record as the doc holds it: plain JSON, exactly what
 * `yMapToRecord` (the binding's read) gives. Never mutated once made, so one
 * version is shared by every moment of the replay it belongs to.
 */
export type BoardRecord = Readonly<Record<string, unknown>>

/** The changed types of a Yjs transaction, with the keys changed on each. */
type ChangedTypes = Y.Transaction['changed']
/** A shared type, as a transaction lists it. */
type YType = ChangedTypes extends Map<infer T, unknown> ? T : never

/** What one log entry did to the board's records: each changed record's new version, or null when it went. */
export type RecordChanges = Map<string, BoardRecord | null>

/**
 * The one pass over the log that turns Yjs updates into record versions: it
 * applies each entry to a single Y.Doc (Yjs merges, resolves conflicts and
 * ignores duplicates exactly as any replica would) and reads back only what
 * that entry changed, from the transaction's list of changed types. A record
 * written field by field gets a new version that copies the old one and sets
 * those fields (nested values it did not touch, such as `props` on a move,
 * stay the same objects); a record set or replaced whole is read whole. So
 * after every entry {@link current} equals the doc's `tl_records` read with
 * `toJSON()`, and {@link schema} the doc's schema, without reading the rest.
 *
 * @example
 * ```ts
 * const pass = new RecordPass()
 * const changes = pass.apply(update) // Map { 'shape:a' => { …, x: 12 } }
 * ```
 */
export class RecordPass {
  /** The board after every entry applied so far: record id → its current version. */
  readonly current: Map<string, BoardRecord>
  /** The tldraw schema the doc holds (undefined until the seed writes it). */
  schema: SerializedSchema | undefined
  private readonly doc = new Y.Doc({ gc: true })
  private readonly records = getRecordsMap(this.doc)
  /** The same map, as a transaction's changed types name it. */
  private readonly recordsType = this.records as unknown as YType
  private readonly changed: ChangedTypes[] = []

  /**
   * A fresh pass, or one resuming where an earlier pass stopped: `from` is its
   * encoded doc with the records and schema it had reached (nothing is re-read).
   */
  constructor(from?: { update: Uint8Array; records: Map<string, BoardRecord>; schema: SerializedSchema | undefined }) {
    if (from) Y.applyUpdate(this.doc, from.update)
    this.current = from ? new Map(from.records) : new Map()
    this.schema = from?.schema
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.changed.size) this.changed.push(transaction.changed)
    })
  }

  /** Applies one log entry and returns the records it changed (empty when it changed none). */
  apply(update: Uint8Array): RecordChanges {
    this.changed.length = 0
    Y.applyUpdate(this.doc, update)
    const out: RecordChanges = new Map()
    const whole = new Set<string>()
    // Records added, replaced or deleted under the records map: read whole.
    for (const changed of this.changed) {
      for (const id of changed.get(this.recordsType) ?? []) {
        if (id === null || whole.has(id)) continue
        whole.add(id)
        const yRecord = this.records.get(id)
        if (yRecord instanceof Y.Map) out.set(id, yRecord.toJSON() as BoardRecord)
        else if (this.current.has(id)) out.set(id, null)
      }
    }
    // Fields changed inside existing records: a new version with just those fields read again.
    const drafts = new Map<string, Record<string, unknown>>()
    for (const changed of this.changed) {
      for (const [type, keys] of changed) {
        if (type === this.recordsType) continue
        const at = this.locate(type)
        if (!at || whole.has(at.id)) continue
        let draft = drafts.get(at.id)
        if (!draft) {
          const before = this.current.get(at.id)
          if (!before) {
            whole.add(at.id)
            out.set(at.id, at.yRecord.toJSON() as BoardRecord)
            continue
          }
          drafts.set(at.id, (draft = { ...before }))
        }
        if (at.field !== null) readField(draft, at.yRecord, at.field)
        else for (const key of keys) if (key !== null) readField(draft, at.yRecord, key)
      }
    }
    for (const [id, draft] of drafts) out.set(id, draft)
    for (const [id, record] of out) {
      if (record) this.current.set(id, record)
      else this.current.delete(id)
    }
    this.changed.length = 0
    this.schema = readDocSchema(this.doc)
    return out
  }

  /** The doc encoded as one update, to resume from later (see the constructor). */
  encode(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc)
  }

  destroy(): void {
    this.doc.destroy()
  }

  /**
   * The record a changed type belongs to and the record's top-level field it
   * sits under (null: the type is the record itself), or null when it is not
   * inside a current record (another top-level map, a record being replaced).
   */
  private locate(type: YType): { id: string; yRecord: YRecord; field: string | null } | null {
    let field: string | null = null
    for (let node = type; ;) {
      const item = node._item
      if (!item) return null
      const parent = item.parent
      if (parent === this.recordsType) {
        const id = item.parentSub
        return id !== null && (this.records.get(id) as unknown) === node
          ? { id, yRecord: node as unknown as YRecord, field }
          : null
      }
      if (!(parent instanceof Y.AbstractType)) return null
      field = item.parentSub
      node = parent as YType
    }
  }
}

/** Copies one top-level field of a record's Y.Map into `draft` as `toJSON()` reads it (deleted when gone). */
function readField(draft: Record<string, unknown>, yRecord: YRecord, key: string): void {
  if (!yRecord.has(key)) {
    delete draft[key]
    return
  }
  const value = yRecord.get(key)
  draft[key] = value instanceof Y.AbstractType ? value.toJSON() : value
}
