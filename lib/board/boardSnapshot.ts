import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'

/** A board as tldraw's `TLStoreSnapshot`: records by id, and the schema they follow. */
export interface BoardSnapshot {
  schema: SerializedSchema
  store: Record<string, TLRecord>
}
