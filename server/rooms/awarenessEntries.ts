import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { AwarenessRejectedError } from './errors'

/** One client's entry in a y-protocols awareness update. */
export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The parsed JSON state; null when the client left. */
  state: unknown
}

/**
 * Decodes an awareness update (count, then client id, clock and JSON state
 * per client) without applying it, so the server can check every entry first.
 * @throws AwarenessRejectedError when it is truncated, has trailing bytes or bad JSON.
 */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state: unknown = JSON.parse(decoding.readVarString(decoder))
      entries.push({ clientId, clock, state })
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes')
    return entries
  } catch (error) {
    throw new AwarenessRejectedError(`awareness update failed: ${(error as Error).message}`)
  }
}

/** Encodes entries back into an awareness update, as `encodeAwarenessUpdate` would. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) writeAwarenessEntry(encoder, entry)
  return encoding.toUint8Array(encoder)
}

/** Writes one client's entry as `encodeAwarenessUpdate` does: client id, clock, JSON state. */
export function writeAwarenessEntry(encoder: encoding.Encoder, { clientId, clock, state }: AwarenessEntry): void {
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, JSON.stringify(state))
}
