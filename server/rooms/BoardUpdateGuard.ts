import * as Y from 'yjs'
import { isEqual } from '@tldraw/utils'
import { TLDOCUMENT_ID, type TLRecord, type TLSchema } from '@tldraw/tlschema'
import { getMetaMap, getRecordsMap, META_KEY, RECORDS_KEY, SCHEMA_FIELD, type YRecord } from '@/lib/binding/yRecords'
import { wireUserId } from '@/lib/presence/presenceWire'
import { UpdateRejectedError } from './errors'
import { ShadowDoc } from './ShadowDoc'
import { decodeUpdate } from './decodeFieldSets'
import { predictFieldSets, type DecodedUpdate, type PredictedRecord } from './predictFieldSets'

/**
 * Checks every board update a peer sends against the board's schema before
 * the room accepts it, so no client can brick a board for everyone else.
 *
 * Yjs cannot take an update back once applied, so the guard keeps a shadow
 * copy of the room's doc in step with it: a peer's update is applied to the
 * shadow first, every record it touched is read back and validated there,
 * and only then is the update applied to the real doc (and logged). The
 * commonest update, new values for fields of existing records (a shape
 * move), skips the shadow: {@link predictFieldSets} works out exactly what
 * it will do from the decoded update, and those records are validated as
 * they will be. Refused:
 * - a change to the schema other than writing this server's own schema (a
 *   client migrating an old board does that), or deleting it;
 * - deleting the document record or the last page;
 * - a record that is not a map, whose id is not its key, of an unknown or
 *   non-document type, or that fails tldraw's validators;
 * - another participant's `user:` record (each person writes only their own);
 * - any top-level type other than the board's two maps.
 *
 * An update that depends on changes the server does not have yet is held
 * back, per connection, and merged with that connection's next updates until
 * it is complete; only then is it checked and applied. That is the normal
 * order after a reconnect (an edit made while the client's sync step 2 is on
 * its way arrives before it); left to Yjs, the waiting part would be applied
 * later, unchecked. A connection whose held updates pass
 * {@link MAX_HELD_BYTES} is refused.
 *
 * The shadow ({@link ShadowDoc}) is made on the first update a peer sends
 * (a board only read never pays for it) and doubles the doc's memory while
 * it exists: it is dropped once the room has had no update for a second or
 * more, and after a refusal; the next update rebuilds it from the real doc
 * (O(board)).
 */
/** The most a connection may have held back waiting for changes it depends on. */
export const MAX_HELD_BYTES = 4 * 1024 * 1024

/** The update depends on changes the shadow does not have yet (internal signal). */
class IncompleteUpdate extends Error {}

export class BoardUpdateGuard {
  /** The real doc's copy updates are tried on, while the room is written to. */
  private readonly shadow: ShadowDoc
  private readonly serializedSchema: ReturnType<TLSchema['serialize']>
  /** Per connection: updates held back until what they depend on arrives. */
  private readonly held = new WeakMap<object, Uint8Array>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly schema: TLSchema
  ) {
    this.serializedSchema = schema.serialize()
    this.shadow = new ShadowDoc(doc)
  }

  /** Whether the guard holds a shadow copy of the board now (for tests and metrics). */
  get holdsShadow(): boolean {
    return this.shadow.exists
  }

  /**
   * Checks `update` from the user `authorId` on the connection `sender`
   * (together with anything held back for it); when acceptable, runs `apply`
   * with the update to apply to the real doc (and `predicted`: true when
   * {@link predictFieldSets} worked out exactly what it does) and returns
   * what it returns.
   * Returns null when the update is held back, incomplete. `decoded` is
   * `Y.decodeUpdate(update)` when the caller has it already.
   * @throws UpdateRejectedError naming what was wrong; nothing was applied.
   */
  admit(
    update: Uint8Array,
    authorId: string,
    sender: object,
    apply: (update: Uint8Array, predicted: boolean) => Uint8Array | null,
    decoded?: DecodedUpdate
  ): Uint8Array | null {
    const earlier = this.held.get(sender)
    const predicted = earlier ? null : this.predict(update, decoded)
    if (predicted) {
      // Field sets on existing records: checked without the shadow; it follows the real doc as usual.
      for (const record of predicted) this.checkPredicted(record, authorId)
      return apply(update, true)
    }
    const candidate = earlier ? Y.mergeUpdates([earlier, update]) : update
    try {
      this.check(candidate, authorId)
    } catch (error) {
      this.shadow.drop()
      if (!(error instanceof IncompleteUpdate)) throw error
      if (candidate.byteLength > MAX_HELD_BYTES) {
        this.held.delete(sender)
        throw new UpdateRejectedError('the update depends on changes the server never received')
      }
      this.held.set(sender, candidate)
      return null
    }
    this.held.delete(sender)
    return this.shadow.withoutMirror(() => apply(candidate, false))
  }

  /** What `update` does, when {@link predictFieldSets} can tell without applying it. */
  private predict(update: Uint8Array, decoded: DecodedUpdate | undefined): PredictedRecord[] | null {
    try {
      return predictFieldSets(this.doc, getRecordsMap(this.doc), decoded ?? decodeUpdate(update))
    } catch {
      return null // undecodable: the shadow refuses it with its own error
    }
  }

  /** Stops following the doc and frees the shadow. */
  destroy(): void {
    this.shadow.destroy()
  }

  private check(update: Uint8Array, authorId: string): void {
    const shadow = this.shadow.get()
    const roots = new Set(shadow.share.keys())
    const records = getRecordsMap(shadow)
    const meta = getMetaMap(shadow)
    const touchedRecords = new Set<string>()
    const touchedMeta = new Set<string>()
    const collectRecords = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        if (event.target === records) for (const key of event.changes.keys.keys()) touchedRecords.add(key)
        else if (event.path.length > 0) touchedRecords.add(String(event.path[0]))
      }
    }
    const collectMeta = (event: Y.YMapEvent<unknown>) => {
      for (const key of event.changes.keys.keys()) touchedMeta.add(key)
    }
    records.observeDeep(collectRecords)
    meta.observe(collectMeta)
    try {
      Y.applyUpdate(shadow, update)
    } catch (error) {
      throw new UpdateRejectedError(`update failed to apply: ${(error as Error).message}`)
    } finally {
      records.unobserveDeep(collectRecords)
      meta.unobserve(collectMeta)
    }

    const store = shadow.store as unknown as { pendingStructs: unknown; pendingDs: unknown }
    if (store.pendingStructs || store.pendingDs) {
      throw new IncompleteUpdate()
    }
    for (const root of shadow.share.keys()) {
      if (!roots.has(root) && root !== RECORDS_KEY && root !== META_KEY) {
        throw new UpdateRejectedError(`the board has no top-level "${root}"`)
      }
    }
    for (const key of touchedMeta) this.checkMeta(meta, key)
    // The real doc has not changed yet: it holds each record as it was before this update.
    const accepted = getRecordsMap(this.doc)
    for (const id of touchedRecords) {
      const old = accepted.get(id)
      this.checkRecord(records, id, old instanceof Y.Map ? (old.toJSON() as TLRecord) : null, authorId)
    }
  }

  private checkMeta(meta: Y.Map<unknown>, key: string): void {
    if (key !== SCHEMA_FIELD) throw new UpdateRejectedError(`the board has no "${key}" setting`)
    if (!isEqual(meta.get(SCHEMA_FIELD), this.serializedSchema)) {
      throw new UpdateRejectedError("the board's schema may only be set to this server's schema")
    }
  }

  private checkRecord(records: Y.Map<YRecord>, id: string, before: TLRecord | null, authorId: string): void {
    const yRecord = records.get(id)
    const typeName = (yRecord instanceof Y.Map ? yRecord.get('typeName') : before?.typeName) as string | undefined
    checkAuthor(id, typeName, authorId)
    if (yRecord === undefined) {
      if (id === TLDOCUMENT_ID) throw new UpdateRejectedError('the document record cannot be deleted')
      if (before?.typeName === 'page' && !hasPage(records))
        throw new UpdateRejectedError('the last page cannot be deleted')
      return
    }
    if (!(yRecord instanceof Y.Map)) throw new UpdateRejectedError(`record ${id} is not a record`)
    this.checkValue(id, yRecord.toJSON() as TLRecord, before)
  }

  /** A record as an update would leave it ({@link predictFieldSets}); it exists before and after. */
  private checkPredicted({ id, before, after }: PredictedRecord, authorId: string): void {
    checkAuthor(id, after.typeName, authorId)
    this.checkValue(id, after, before)
  }

  private checkValue(id: string, record: TLRecord, before: TLRecord | null): void {
    if (record.id !== id) throw new UpdateRejectedError(`record ${id} carries the id ${String(record.id)}`)
    const type = this.schema.types[record.typeName as TLRecord['typeName']]
    if (!type || type.scope !== 'document') {
      throw new UpdateRejectedError(`record ${id} has no document type "${String(record.typeName)}"`)
    }
    try {
      type.validate(record, before ?? undefined)
    } catch (error) {
      throw new UpdateRejectedError(`record ${id} is invalid: ${(error as Error).message}`)
    }
  }
}

/** Each participant writes only their own `user:` record. */
function checkAuthor(id: string, typeName: string | undefined, authorId: string): void {
  if ((typeName === 'user' || id.startsWith('user:')) && id !== `user:${wireUserId(authorId)}`) {
    throw new UpdateRejectedError("a participant's user record is theirs alone")
  }
}

function hasPage(records: Y.Map<YRecord>): boolean {
  for (const yRecord of records.values()) {
    if (yRecord instanceof Y.Map && yRecord.get('typeName') === 'page') return true
  }
  return false
}
