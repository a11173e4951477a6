import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'

/**
 * Milliseconds on the machine's monotonic clock (since boot, sub-µs precision): one clock for every process on the
 * machine, so a writer's send time and an observer's receive time, taken in different processes, compare directly.
 * `performance.timeOrigin + performance.now()` does not: each process pairs its own start with a reading of the wall
 * clock, which NTP or the VM host moves, so two processes can disagree by milliseconds for their whole lives.
 */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

/** A y-websocket update frame: [0 sync][2 update][update]. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A y-websocket awareness frame: [1][awareness update]. */
export function awarenessFrame(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, awarenessUpdate)
  return encoding.toUint8Array(encoder)
}

/**
 * The send timestamp a writer put in an update (`map.set(key, now())`), read
 * without a doc: the first number found in the update's items.
 */
export function timestampIn(update: Uint8Array): number | null {
  for (const struct of Y.decodeUpdate(update).structs) {
    const content = (struct as { content?: { arr?: unknown[] } }).content
    const value = content?.arr?.[0]
    if (typeof value === 'number') return value
  }
  return null
}

/** Reads the update of a y-websocket sync-update frame, or null for any other frame. */
export function updateOf(frame: Uint8Array): Uint8Array | null {
  if (frame[0] !== 0 || frame[1] !== 2) return null
  // varUint length then payload; lengths < 128 take one byte, else more.
  let offset = 2
  let length = 0
  let shift = 0
  for (;;) {
    const byte = frame[offset++]!
    length |= (byte & 0x7f) << shift
    if (byte < 0x80) break
    shift += 7
  }
  return frame.subarray(offset, offset + length)
}
