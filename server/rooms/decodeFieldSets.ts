import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import type { DecodedUpdate } from './predictFieldSets'

/** Info byte of an item with a left origin, no right origin and one `ContentAny` (Yjs's content ref 8). */
const FIELD_SET_INFO = 0b1000_1000

/** The parent-sub flag: Yjs reads it only for items without origins, so it may be set or not here. */
const PARENT_SUB_FLAG = 0b0010_0000

/**
 * `Y.decodeUpdate(update)`, faster for the commonest update there is: new
 * values for fields of existing records (see {@link predictFieldSets}).
 * Yjs's own decoder reads structs through a generator, slow on code that
 * runs a few dozen times a second (the server's rate, which V8 leaves in its
 * baseline tiers), and every peer update is decoded before it is applied.
 *
 * {@link decodeFieldSets} reads an update made only of items with a left
 * origin, no right origin and plain values (`ContentAny`), plus any delete
 * set; anything else is decoded by Yjs, as are updates with bytes past their
 * end (which Yjs ignores; this reader refuses them).
 *
 * @throws what `Y.decodeUpdate` throws on garbage.
 */
export function decodeUpdate(update: Uint8Array): DecodedUpdate {
  return decodeFieldSets(update) ?? Y.decodeUpdate(update)
}

/**
 * Decodes `update` (Yjs's v1 encoding) when its structs are all items with a
 * left origin, no right origin and plain values, reading exactly what Yjs's
 * decoder reads, in the same order, into the same objects; it must end
 * exactly where the delete set does. Null otherwise (including garbage).
 */
export function decodeFieldSets(update: Uint8Array): DecodedUpdate | null {
  try {
    return read(decoding.createDecoder(update))
  } catch {
    return null
  }
}

function read(decoder: decoding.Decoder): DecodedUpdate | null {
  const structs: Y.Item[] = []
  const clientCount = decoding.readVarUint(decoder)
  for (let c = 0; c < clientCount; c++) {
    const structCount = decoding.readVarUint(decoder)
    const client = decoding.readVarUint(decoder)
    let clock = decoding.readVarUint(decoder)
    for (let s = 0; s < structCount; s++) {
      if ((decoding.readUint8(decoder) & ~PARENT_SUB_FLAG) !== FIELD_SET_INFO) return null
      const origin = Y.createID(decoding.readVarUint(decoder), decoding.readVarUint(decoder))
      const length = decoding.readVarUint(decoder)
      const values: unknown[] = []
      for (let i = 0; i < length; i++) values.push(decoding.readAny(decoder))
      const content = new Y.ContentAny(values)
      structs.push(new Y.Item(Y.createID(client, clock), null, origin, null, null, null, null, content))
      clock += length
    }
  }
  const ds = Y.createDeleteSet()
  const dsClientCount = decoding.readVarUint(decoder)
  for (let c = 0; c < dsClientCount; c++) {
    const client = decoding.readVarUint(decoder)
    const deleteCount = decoding.readVarUint(decoder)
    if (deleteCount === 0) continue
    let deletes = ds.clients.get(client)
    if (!deletes) ds.clients.set(client, (deletes = []))
    for (let i = 0; i < deleteCount; i++) {
      deletes.push({ clock: decoding.readVarUint(decoder), len: decoding.readVarUint(decoder) })
    }
  }
  return decoding.hasContent(decoder) ? null : { structs, ds }
}
