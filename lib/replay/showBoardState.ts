import type { SerializedSchema } from '@tldraw/store'
import { isEqual } from '@tldraw/utils'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import type { BoardState } from './ReplayTimeline'

/** What {@link showBoardState} put into the store last time, to diff the next state against. */
export type ShownRecords = ReadonlyMap<string, TLRecord>

/**
 * Makes a read-only tldraw store show `state`, as a remote change (so it is
 * never written back anywhere): the records the store had from the replay
 * and `state` no longer has are removed, and only the records whose version
 * differs from the one put last time (`shown`) are put. A timeline shares
 * record versions between moments, so a seek anywhere touches just the
 * records that differ between the two moments, not the whole board.
 *
 * The records are read as the live binding reads a doc: migrated from the
 * doc's schema when it is older than the store's (records that cannot be
 * migrated are shown as they are when valid, as the binding does with a
 * newer doc), nothing shown before the seed wrote a schema, and a record the
 * store's schema rejects is left out (with a warning) instead of failing the
 * whole moment.
 *
 * @returns what is shown now: pass it as `shown` next time.
 */
export function showBoardState(store: TLStore, state: BoardState, shown: ShownRecords | null): ShownRecords {
  const next = readRecords(store, state)
  if (next === shown) return next
  const puts: TLRecord[] = []
  for (const [id, record] of next) {
    const before = shown?.get(id)
    if (before !== record && !(before && isEqual(before, record))) puts.push(record)
  }
  const stale = store
    .allRecords()
    .filter((r) => store.scopedTypes.document.has(r.typeName) && !next.has(r.id))
    .map((r) => r.id)
  if (!puts.length && !stale.length) return next
  store.mergeRemoteChanges(() => {
    if (stale.length) store.remove(stale)
    try {
      if (puts.length) store.put(puts)
    } catch {
      for (const record of puts) {
        try {
          store.put([record])
        } catch (error) {
          console.warn('[mockboard] the replay left out an invalid record', record.id, error)
        }
      }
    }
  })
  return next
}

/** Per store, whether a doc's schema is the store's own (no migration needed), per schema object seen. */
const sameSchemas = new WeakMap<TLStore, WeakMap<object, boolean>>()

function readRecords(store: TLStore, { records, schema }: BoardState): ShownRecords {
  if (!schema) return new Map()
  let sameSchema = sameSchemas.get(store)
  if (!sameSchema) sameSchemas.set(store, (sameSchema = new WeakMap()))
  let same = sameSchema.get(schema)
  if (same === undefined) {
    same = JSON.stringify(schema) === JSON.stringify(store.schema.serialize())
    sameSchema.set(schema, same)
  }
  const current = records as unknown as ReadonlyMap<string, TLRecord>
  if (same) return current
  const migrated = store.schema.migrateStoreSnapshot({
    schema: schema as SerializedSchema,
    store: Object.fromEntries(current) as Record<TLRecord['id'], TLRecord>,
  })
  if (migrated.type === 'error') return current
  return new Map(Object.values(migrated.value).map((r) => [r.id, r as TLRecord]))
}
