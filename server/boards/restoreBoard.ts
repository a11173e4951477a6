import * as Y from 'yjs'
import { isEqual } from '@tldraw/utils'
import type { SerializedSchema } from '@tldraw/store'
import { DocumentRecordType, TLDOCUMENT_ID, type TLRecord, type TLSchema } from '@tldraw/tlschema'
import { getRecordsMap, readDocSchema, recordToYMap, writeRecordChanges, yMapToRecord } from '@/lib/binding/yRecords'
import { RoomRequestError } from '../access/RoomRequestError'
import type { Room } from '../rooms/Room'
import type { RoomStorage } from '../storage/RoomStorage'
import { boardAt } from './boardAt'

/** What a restore did. */
export interface RestoreResult {
  /** The log position the board was restored to. */
  seq: number
  /** The log's position once the restore was logged (the restore's own entry, or a later one). */
  logSeq: number
  /** Records re-created, written back and deleted. All zero: the board already was that version (nothing logged). */
  created: number
  updated: number
  deleted: number
  /** Ids of records of that moment that were not restored because they fail the board's schema. */
  skipped: string[]
}

/**
 * Restores a live board to how it was at log position `seq`, as a new change
 * on the room's server-authority path ({@link Room.applyServerChange}): it is
 * logged under `author` after everything before it (the log keeps the edits
 * it undoes) and reaches every connected client like any other update, in
 * both storage modes.
 *
 * Only the difference is written, in one transaction: records missing now are
 * re-created, records added since are deleted, changed fields written back.
 * Never touched: the participants' `user` records and the doc's schema
 * (`tl_meta`). Records of that moment written with an older schema are
 * migrated to the board's current one first; records that fail the schema's
 * validators are left out (listed in `skipped`). The board keeps a document
 * record (the current one when that moment had none) and at least one page.
 *
 * @throws RoomRequestError 404 when the log has no position `seq`, 400 when the
 * board did not exist yet then or had no page, 409 when the board's schema
 * is one this server cannot write.
 */
export async function restoreBoard(
  room: Room,
  deps: { storage: RoomStorage; schema: TLSchema },
  seq: number,
  author: string
): Promise<RestoreResult> {
  // Our own appends durable, and anything other servers appended in the doc: the log's head is known.
  await room.flush()
  await room.catchUp()
  const head = room.logSeq
  if (seq > head) throw new RoomRequestError(404, `the board's log has no position ${seq}: it ends at ${head}`)
  const then = await boardAt(deps.storage, room.roomId, seq)
  if (!then) throw new RoomRequestError(400, `the board did not exist yet at log position ${seq}`)
  const liveSchema = readDocSchema(room.doc)
  if (!liveSchema) throw new RoomRequestError(409, 'the board has no schema; open it once, then restore')

  const { records, skipped } = restorableRecords(then, liveSchema, deps.schema)
  if (!records.some((r) => r.typeName === 'page')) {
    throw new RoomRequestError(400, `the board at log position ${seq} has no page to restore; pick another moment`)
  }
  const wanted = new Map(records.map((r) => [r.id as string, r]))
  const result = { created: 0, updated: 0, deleted: 0 }
  await room.applyServerChange(author, (doc) => {
    const live = getRecordsMap(doc)
    const stale: string[] = []
    live.forEach((value, id) => {
      if (isUserEntry(id, value) || wanted.has(id)) return
      // A moment without a document record keeps the current one: a board always has it.
      if (id === TLDOCUMENT_ID && value instanceof Y.Map) return
      stale.push(id)
    })
    for (const id of stale) live.delete(id)
    result.deleted = stale.length
    if (!wanted.has(TLDOCUMENT_ID) && !(live.get(TLDOCUMENT_ID) instanceof Y.Map)) {
      live.set(TLDOCUMENT_ID, recordToYMap(DocumentRecordType.create({ id: TLDOCUMENT_ID })))
      result.created++
    }
    for (const [id, record] of wanted) {
      const current = live.get(id)
      if (current instanceof Y.Map) {
        const before = yMapToRecord(current)
        if (isEqual(before, record)) continue
        writeRecordChanges(current, before, record)
        result.updated++
      } else {
        live.set(id, recordToYMap(record))
        result.created++
      }
    }
  })
  return { seq, logSeq: room.logSeq, ...result, skipped }
}

/**
 * The records of a past board that a restore writes: migrated to the live
 * doc's schema, document-scoped, valid, and never a `user` record.
 */
function restorableRecords(
  then: { schema: SerializedSchema; store: Record<string, TLRecord> },
  liveSchema: SerializedSchema,
  schema: TLSchema
): { records: TLRecord[]; skipped: string[] } {
  let store = then.store
  if (!sameSchema(then.schema, liveSchema)) {
    // Records can only be brought to this server's schema, so the board must be on it.
    if (!sameSchema(liveSchema, schema.serialize())) {
      throw new RoomRequestError(
        409,
        'the board was upgraded by another version of Mockboard; restore it from that version'
      )
    }
    const migrated = schema.migrateStoreSnapshot({ schema: then.schema, store })
    if (migrated.type === 'error') {
      throw new RoomRequestError(
        409,
        `that version of the board cannot be brought to the current schema (${migrated.reason})`
      )
    }
    store = migrated.value as Record<string, TLRecord>
  }
  const records: TLRecord[] = []
  const skipped: string[] = []
  for (const [id, record] of Object.entries(store)) {
    if ((record as { typeName?: unknown }).typeName === 'user' || id.startsWith('user:')) continue
    const type = schema.types[record.typeName as TLRecord['typeName']]
    try {
      if (!type || type.scope !== 'document' || record.id !== id) throw new Error('not a board record')
      type.validate(record)
      records.push(record)
    } catch {
      skipped.push(id)
    }
  }
  return { records, skipped }
}

/** A participant's `user` record (name and colour), which only its user writes. */
function isUserEntry(id: string, value: unknown): boolean {
  return id.startsWith('user:') || (value instanceof Y.Map && value.get('typeName') === 'user')
}

function sameSchema(a: SerializedSchema, b: SerializedSchema): boolean {
  return isEqual(a, b)
}
