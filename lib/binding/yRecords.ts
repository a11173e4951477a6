import * as Y from 'yjs'
import { isEqual } from '@tldraw/utils'
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'

/**
 * The Yjs layout of a board.
 *
 * ```
 * doc.getMap('tl_records')      record id → Y.Map of the record's fields
 *   'shape:abc' → Y.Map { id, typeName, x, y, rotation, …, props: Y.Map { w, h, color, … } }
 * doc.getMap('tl_meta')         'schema' → tldraw's serialized schema of the doc
 * ```
 *
 * Only fields that changed are written, and `props` per key, so a shape move
 * writes `x` and `y` (~50 bytes) instead of the whole record (~416 bytes in
 * tldraw's own Yjs example), and two people editing different fields of one
 * shape at once both keep their change.
 */
export const RECORDS_KEY = 'tl_records'
/** Name of the top-level map that holds document metadata (the schema). */
export const META_KEY = 'tl_meta'
/** Key of the serialized tldraw schema inside the meta map. */
export const SCHEMA_FIELD = 'schema'

/** One record in the doc: a map of its top-level fields. */
export type YRecord = Y.Map<unknown>

/** The map of all document-scope records in a board doc. */
export function getRecordsMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap<YRecord>(RECORDS_KEY)
}

/** The map that holds the board's schema. */
export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_KEY)
}

/** Reads the serialized tldraw schema the doc was written with, if any. */
export function readDocSchema(doc: Y.Doc): SerializedSchema | undefined {
  return getMetaMap(doc).get(SCHEMA_FIELD) as SerializedSchema | undefined
}

/** Builds the Y.Map for a new record (props become a nested map). */
export function recordToYMap(record: TLRecord): YRecord {
  const yRecord = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(record)) {
    yRecord.set(key, key === 'props' && isPlainObject(value) ? objectToYMap(value) : value)
  }
  return yRecord
}

/** Reads a record back out of its Y.Map as plain JSON. */
export function yMapToRecord(yRecord: YRecord): TLRecord {
  return yRecord.toJSON() as TLRecord
}

/**
 * Writes into `yRecord` only the fields that differ between `prev` and `next`.
 * Call inside a Yjs transaction.
 */
export function writeRecordChanges(yRecord: YRecord, prev: TLRecord, next: TLRecord): void {
  const before = prev as unknown as Record<string, unknown>
  const after = next as unknown as Record<string, unknown>
  for (const key of Object.keys(after)) {
    const value = after[key]
    if (isEqual(before[key], value)) continue
    if (key === 'props' && isPlainObject(value)) {
      writePropsChanges(yRecord, isPlainObject(before[key]) ? before[key] : {}, value)
    } else {
      yRecord.set(key, value)
    }
  }
  for (const key of Object.keys(before)) {
    if (!(key in after)) yRecord.delete(key)
  }
}

function writePropsChanges(yRecord: YRecord, before: Record<string, unknown>, after: Record<string, unknown>): void {
  const yProps = yRecord.get('props')
  if (!(yProps instanceof Y.Map)) {
    yRecord.set('props', objectToYMap(after))
    return
  }
  for (const [key, value] of Object.entries(after)) {
    if (!isEqual(before[key], value)) yProps.set(key, value)
  }
  for (const key of Object.keys(before)) {
    if (!(key in after)) yProps.delete(key)
  }
}

function objectToYMap(value: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, inner] of Object.entries(value)) map.set(key, inner)
  return map
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
