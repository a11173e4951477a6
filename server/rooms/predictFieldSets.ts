import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import type { YRecord } from '@/lib/binding/yRecords'

/** One record an update changes: as the room holds it, and as the update would leave it. */
export interface PredictedRecord {
  id: string
  before: TLRecord
  after: TLRecord
}

/** A decoded update (`Y.decodeUpdate`). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** What this file reads of a Yjs shared type (a map): the item holding it, and its entries. */
interface SharedMap {
  _item: Y.Item | null
  _map: Map<string, Y.Item>
}

/** Per record: new values of its top-level fields and of its `props` fields. */
interface RecordSets {
  yRecord: YRecord
  fields: Map<string, unknown>
  props: Map<string, unknown>
}

/**
 * Predicts what an update does to the board without applying it, when it is
 * the commonest edit there is: new values for fields of records the room
 * already has (a shape move sets `x` and `y`; a style change one `props`
 * field). Returns null for any other update, which the guard then tries on
 * its shadow copy instead.
 *
 * The prediction is exact because it only accepts updates whose outcome Yjs
 * leaves no choice about: every struct is a plain value (one `ContentAny`
 * item) placed directly after the current value of a field (its origin is
 * that value's last clock, with no right origin), so it becomes the field's
 * new value and replaces the old one; each client's structs start exactly at
 * the room's state for that client (nothing missing, nothing known); no field
 * is set twice; the fields belong to live records (a record's map, or its
 * live `props` map); and the update deletes nothing but the values it
 * replaces. Anything else (new records, deletions, concurrent edits made
 * without seeing the current value, nested maps, schema changes) returns null.
 */
export function predictFieldSets(
  doc: Y.Doc,
  records: Y.Map<YRecord>,
  decoded: DecodedUpdate
): PredictedRecord[] | null {
  const store = doc.store as Y.Doc['store'] & { pendingStructs: unknown; pendingDs: unknown }
  if (store.pendingStructs || store.pendingDs || decoded.structs.length === 0) return null
  const nextClock = new Map<number, number>()
  const replaced = new Set<Y.Item>()
  const sets = new Map<string, RecordSets>()
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) return null
    const { client, clock } = struct.id
    if (clock !== (nextClock.get(client) ?? Y.getState(store, client))) return null
    nextClock.set(client, clock + struct.length)
    if (!struct.origin || struct.rightOrigin || struct.parent !== null || struct.parentSub !== null) return null
    if (!(struct.content instanceof Y.ContentAny) || struct.content.getLength() !== 1) return null
    const current = itemAt(store, struct.origin.client, struct.origin.clock)
    if (!current || current.deleted || current.id.clock + current.length - 1 !== struct.origin.clock) return null
    const key = current.parentSub
    const parent = current.parent
    if (key === null || !(parent instanceof Y.AbstractType) || parent._map.get(key) !== current) return null
    if (replaced.has(current)) return null
    replaced.add(current)
    const target = recordOf(parent, records)
    if (!target) return null
    let entry = sets.get(target.id)
    if (!entry) sets.set(target.id, (entry = { yRecord: target.yRecord, fields: new Map(), props: new Map() }))
    ;(target.inProps ? entry.props : entry.fields).set(key, struct.content.getContent()[0])
  }
  if (!deletesOnly(store, decoded.ds, replaced)) return null
  const predicted: PredictedRecord[] = []
  for (const [id, { yRecord, fields, props }] of sets) {
    if (props.size > 0 && fields.has('props')) return null
    const before = yRecord.toJSON() as TLRecord
    const after = { ...before, ...Object.fromEntries(fields) } as Record<string, unknown>
    if (props.size > 0) after.props = { ...(before as { props?: object }).props, ...Object.fromEntries(props) }
    predicted.push({ id, before, after: after as unknown as TLRecord })
  }
  return predicted
}

/** The live record a map belongs to: the record's own map, or its current `props` map. */
function recordOf(map: SharedMap, records: Y.Map<YRecord>): { id: string; yRecord: YRecord; inProps: boolean } | null {
  const item = map._item
  if (!item || item.deleted || item.parentSub === null) return null
  if ((item.parent as unknown) === records && holds(records, item)) {
    return map instanceof Y.Map ? { id: item.parentSub, yRecord: map as YRecord, inProps: false } : null
  }
  if (item.parentSub !== 'props' || !(item.parent instanceof Y.Map) || !holds(item.parent, item)) return null
  const record = recordOf(item.parent, records)
  return record && !record.inProps && map instanceof Y.Map ? { ...record, inProps: true } : null
}

/** True when `item` is `holder`'s current value for its key (a module function: no closure per call). */
function holds(holder: SharedMap, item: Y.Item): boolean {
  return holder._map.get(item.parentSub!) === item
}

/** True when every struct the delete set covers is one of `replaced`, whole. */
function deletesOnly(store: Y.Doc['store'], ds: DecodedUpdate['ds'], replaced: Set<Y.Item>): boolean {
  for (const [client, deletes] of ds.clients) {
    for (const { clock, len } of deletes) {
      for (let at = clock; at < clock + len;) {
        const item = itemAt(store, client, at)
        if (!item || !replaced.has(item) || item.id.clock !== at || at + item.length > clock + len) return false
        at += item.length
      }
    }
  }
  return true
}

/** The struct of the room's doc holding `client`'s `clock`, if it is an item the doc has. */
function itemAt(store: Y.Doc['store'], client: number, clock: number): Y.Item | null {
  if (clock >= Y.getState(store, client)) return null
  const structs = store.clients.get(client)
  if (!structs) return null
  const struct = structs[Y.findIndexSS(structs, clock)]
  return struct instanceof Y.Item ? struct : null
}
