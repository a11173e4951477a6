import * as Y from 'yjs'
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import {
  getMetaMap,
  getRecordsMap,
  readDocSchema,
  recordToYMap,
  SCHEMA_FIELD,
  writeRecordChanges,
  yMapToRecord,
  type YRecord,
} from './yRecords'
import { ChunkStreamer, type Scheduler } from './chunkStreamer'
import type { UserInput } from './userInput'
import { PendingRecords } from './pendingRecords'
import { RecordGraph, referencesOf } from './recordGraph'
import { planViewFirst, type PageRect } from './viewFirst'

/** Why a binding could not attach, or stopped writing. */
export type BindingProblem =
  /** The doc was written by a newer release: reload to get it. */
  | { kind: 'newer-schema'; reason: string }
  /** The doc holds no schema: the server never seeded this room. */
  | { kind: 'not-seeded' }

/** Boards with fewer shapes load in one go: the first paint would not be sooner. */
export const VIEW_FIRST_MIN_SHAPES = 400

/** Options of a view-first load (see {@link StoreYjsBinding}). */
export interface ViewFirstOptions {
  /** The part of the first page the user will see first. */
  view: PageRect
  /** Load everything at once below this many shapes (default {@link VIEW_FIRST_MIN_SHAPES}). */
  minShapes?: number
  /** When to run each chunk (default: background-priority tasks). */
  schedule?: Scheduler
  /**
   * Starts watching the user's input (see `watchUserInput`): chunks wait while
   * they interact (see {@link ChunkStreamer}). Called only when a partial load
   * begins; the watcher is disposed once everything is loaded.
   */
  watchInput?: () => UserInput
}

/** Options of a {@link StoreYjsBinding}. */
export interface StoreYjsBindingOptions {
  onProblem?: (problem: BindingProblem) => void
  /** Load what is in view first, the rest after {@link StoreYjsBinding.streamRest}. */
  viewFirst?: ViewFirstOptions
}

/** Marks Yjs transactions made by this binding, so it can skip its own echoes. */
export const LOCAL_ORIGIN = Symbol('mockboard-local')

/**
 * Keeps a tldraw store and a Yjs doc in step, field by field.
 *
 * - Local user edits (`source: 'user'`, document scope) are written to the doc
 *   in one transaction per store batch, with {@link LOCAL_ORIGIN}.
 * - Remote doc changes are put into the store inside
 *   `store.mergeRemoteChanges`, so they are not echoed back and do not enter
 *   the local undo stack: undo only undoes your own edits.
 * - A doc written by a newer schema is never written to: the binding stays
 *   read-only and reports `newer-schema` so the UI can ask for a reload.
 * - With `viewFirst`, a big board enters the store in parts: `attach` puts
 *   the non-shape records and the shapes in view, {@link streamRest} the rest
 *   in chunks. Each part carries everything its shapes are bound or parented
 *   to ({@link PendingRecords}), so tldraw's cascades stay complete; a remote
 *   change that would split that (a binding to a shape not loaded yet) loads
 *   everything at once; and a local delete also deletes, in the doc, what
 *   depends on it but is not loaded yet (a page's shapes).
 *
 * @example
 * ```ts
 * const binding = new StoreYjsBinding(store, doc, { onProblem: p => alert(p.kind) })
 * provider.once('sync', () => binding.attach())
 * // …later
 * binding.dispose()
 * ```
 */
export class StoreYjsBinding {
  private readonly records: Y.Map<YRecord>
  private readonly meta: Y.Map<unknown>
  private stopListening: (() => void) | null = null
  private writable = false
  private attached = false
  private observing = false
  /** Set during a view-first load, until everything is in the store. */
  private pending: PendingRecords | null = null
  private streamer: ChunkStreamer | null = null
  /** The user's input, watched only while a partial load lasts. */
  private input: UserInput | null = null

  constructor(
    private readonly store: TLStore,
    private readonly doc: Y.Doc,
    private readonly options: StoreYjsBindingOptions = {}
  ) {
    this.records = getRecordsMap(doc)
    this.meta = getMetaMap(doc)
  }

  /** True while local edits are being written to the doc. */
  get isWritable(): boolean {
    return this.writable
  }

  /** True once every record of the doc is in the store (always, without `viewFirst`). */
  get isFullyLoaded(): boolean {
    return this.pending === null
  }

  /**
   * Streams the records a view-first `attach` left out into the store, in
   * chunks that each hold the main thread about a frame. Call once the
   * board has painted what is in view; a no-op when nothing is left.
   */
  streamRest(): void {
    this.streamer?.start()
  }

  /**
   * Puts every record a view-first `attach` left out into the store now, as
   * a remote change (nothing for undo to take back), and ends the partial
   * load. A no-op once everything is loaded. Throws, loading nothing, when
   * called inside a store transaction (tldraw forbids remote changes there).
   */
  loadRest(): void {
    if (!this.pending) return
    this.store.mergeRemoteChanges(() => this.store.put(this.takeAllPending()))
  }

  /**
   * Loads the doc into the store (migrating it if it was written by an older
   * schema) and starts syncing both ways. Call once the doc holds the
   * server's state (the provider's first `sync`).
   *
   * @returns the problem that kept the binding read-only, or null.
   */
  attach(): BindingProblem | null {
    if (this.attached) return null
    this.attached = true
    const docSchema = readDocSchema(this.doc)
    if (!docSchema) return this.report({ kind: 'not-seeded' })

    const snapshot: Record<string, TLRecord> = {}
    this.records.forEach((yRecord, id) => {
      if (yRecord instanceof Y.Map) snapshot[id] = yMapToRecord(yRecord)
    })
    const migrated = this.store.schema.migrateStoreSnapshot({ schema: docSchema, store: snapshot })
    if (migrated.type === 'error') {
      this.loadIntoStore(Object.values(snapshot).filter((r) => this.isValid(r)))
      this.observeRemote()
      return this.report({ kind: 'newer-schema', reason: String(migrated.reason) })
    }
    const records = Object.values(migrated.value) as TLRecord[]
    if (this.schemaDiffers(docSchema)) this.writeMigration(snapshot, migrated.value as Record<string, TLRecord>)
    this.loadIntoStore(this.planLoad(records))
    this.observeRemote()
    this.startWriting()
    return null
  }

  /** Stops syncing in both directions. The store and doc are left as they are. */
  dispose(): void {
    this.finishPartialLoad()
    this.stopWriting()
    if (!this.observing) return
    this.observing = false
    this.records.unobserveDeep(this.onRecordsChanged)
    this.meta.unobserve(this.onMetaChanged)
  }

  private report(problem: BindingProblem): BindingProblem {
    this.stopWriting()
    this.options.onProblem?.(problem)
    return problem
  }

  private schemaDiffers(docSchema: SerializedSchema): boolean {
    return JSON.stringify(docSchema) !== JSON.stringify(this.store.schema.serialize())
  }

  /** Writes the migrated records and our schema back, in one transaction. */
  private writeMigration(before: Record<string, TLRecord>, after: Record<string, TLRecord>): void {
    this.doc.transact(() => {
      for (const id of Object.keys(before)) if (!after[id]) this.records.delete(id)
      for (const [id, record] of Object.entries(after)) {
        const yRecord = this.records.get(id)
        const prev = before[id]
        if (yRecord instanceof Y.Map && prev) writeRecordChanges(yRecord, prev, record)
        else this.records.set(id, recordToYMap(record))
      }
      this.meta.set(SCHEMA_FIELD, this.store.schema.serialize())
    }, LOCAL_ORIGIN)
  }

  /** What to load first: everything, or with `viewFirst` on a big board, the view and what it needs. */
  private planLoad(records: TLRecord[]): TLRecord[] {
    const viewFirst = this.options.viewFirst
    const shapes = records.reduce((n, r) => n + (r.typeName === 'shape' ? 1 : 0), 0)
    if (!viewFirst || shapes < (viewFirst.minShapes ?? VIEW_FIRST_MIN_SHAPES)) return records
    const graph = new RecordGraph(records)
    const plan = planViewFirst(records, viewFirst.view)
    const first = graph.closure(plan.first, () => false)
    const loaded = new Set(first.map((r) => r.id))
    const pending = new PendingRecords(graph, plan.rest, loaded)
    if (pending.size === 0) return records
    this.pending = pending
    const input = (this.input = viewFirst.watchInput?.() ?? null)
    this.streamer = new ChunkStreamer((count) => this.loadChunk(count), {
      ...(viewFirst.schedule && { schedule: viewFirst.schedule }),
      ...(input && { busy: input.busy, present: input.present }),
    })
    return first
  }

  /** Puts the next `count` or so pending records into the store; returns how many. */
  private loadChunk(count: number): number {
    if (!this.pending) return 0
    const records = this.pending.take(count).filter((r) => this.isValid(r))
    if (records.length) this.store.mergeRemoteChanges(() => this.store.put(records))
    if (this.pending.size === 0) this.finishPartialLoad()
    return this.pending ? Math.max(records.length, 1) : records.length
  }

  /** Every record still pending (the valid ones), ending the partial load. */
  private takeAllPending(): TLRecord[] {
    const records = this.pending?.takeAll().filter((r) => this.isValid(r)) ?? []
    this.finishPartialLoad()
    return records
  }

  private finishPartialLoad(): void {
    this.streamer?.stop()
    this.streamer = null
    this.pending = null
    this.input?.dispose()
    this.input = null
  }

  /** Replaces the store's document records with `records`, as a remote change. */
  private loadIntoStore(records: TLRecord[]): void {
    const keep = new Set(records.map((r) => r.id))
    const stale = this.store
      .allRecords()
      .filter((r) => this.store.scopedTypes.document.has(r.typeName) && !keep.has(r.id))
      .map((r) => r.id)
    this.store.mergeRemoteChanges(() => {
      if (stale.length) this.store.remove(stale)
      this.store.put(records)
    })
  }

  private observeRemote(): void {
    this.observing = true
    this.records.observeDeep(this.onRecordsChanged)
    this.meta.observe(this.onMetaChanged)
  }

  private startWriting(): void {
    this.writable = true
    this.stopListening = this.store.listen(
      ({ changes }) => {
        this.doc.transact(() => {
          for (const record of Object.values(changes.added)) {
            this.records.set(record.id, recordToYMap(record))
          }
          for (const [prev, next] of Object.values(changes.updated)) {
            const yRecord = this.records.get(next.id)
            // A record deleted remotely while we edited it stays deleted:
            // resurrecting it from a stale local copy is how whiteboards
            // bring back shapes someone removed.
            if (yRecord instanceof Y.Map) writeRecordChanges(yRecord, prev, next)
          }
          for (const record of Object.values(changes.removed)) {
            this.records.delete(record.id)
            // What tldraw would have deleted with it, had it been loaded.
            for (const id of this.pending?.dependents(record.id) ?? []) {
              this.records.delete(id)
              this.pending?.forget(id)
            }
          }
        }, LOCAL_ORIGIN)
      },
      { source: 'user', scope: 'document' }
    )
  }

  private stopWriting(): void {
    this.writable = false
    this.stopListening?.()
    this.stopListening = null
  }

  private readonly onRecordsChanged = (
    events: Y.YEvent<Y.AbstractType<unknown>>[],
    transaction: Y.Transaction
  ): void => {
    if (transaction.origin === LOCAL_ORIGIN) return
    const changedIds = new Set<string>()
    for (const event of events) {
      if (event.target === this.records) {
        for (const key of event.changes.keys.keys()) changedIds.add(key)
      } else if (event.path.length > 0) {
        changedIds.add(String(event.path[0]))
      }
    }
    const puts: TLRecord[] = []
    const removals: TLRecord['id'][] = []
    let loadAll = false
    for (const id of changedIds) {
      const yRecord = this.records.get(id)
      if (this.pending?.has(id)) {
        // Not loaded yet: its chunk reads this version.
        if (!(yRecord instanceof Y.Map)) this.pending.forget(id)
        else {
          const record = yMapToRecord(yRecord)
          if (this.isValid(record) && this.pending.update(record)) loadAll = true
        }
      } else if (yRecord instanceof Y.Map) {
        const record = yMapToRecord(yRecord)
        if (this.isValid(record)) puts.push(record)
      } else if (this.store.has(id as TLRecord['id'])) {
        removals.push(id as TLRecord['id'])
      }
    }
    const pending = this.pending
    // A loaded record now pointing at one not loaded yet: load the lot rather than split what belongs together.
    if (pending && (loadAll || puts.some((r) => referencesOf(r).some((ref) => pending.has(ref))))) {
      puts.unshift(...this.takeAllPending())
    }
    if (!puts.length && !removals.length) return
    this.store.mergeRemoteChanges(() => {
      if (removals.length) this.store.remove(removals)
      if (puts.length) this.store.put(puts)
    })
  }

  private readonly onMetaChanged = (): void => {
    const docSchema = readDocSchema(this.doc)
    if (!docSchema || !this.writable) return
    // Someone with a newer release migrated the doc while we had it open.
    if (!this.store.schema.getMigrationsSince(docSchema).ok) {
      this.report({ kind: 'newer-schema', reason: 'the board was upgraded by a newer version' })
    }
  }

  /** A peer may write anything into the doc; only valid records reach the store. */
  private isValid(record: TLRecord): boolean {
    try {
      const type = this.store.schema.types[record.typeName as TLRecord['typeName']]
      if (!type || type.scope !== 'document') return false
      const before = this.store.get(record.id) ?? null
      this.store.schema.validateRecord(this.store, record, before ? 'updateRecord' : 'createRecord', before)
      return true
    } catch (error) {
      console.warn('[mockboard] ignored an invalid record from the room', record.id, error)
      return false
    }
  }
}
