import * as Y from 'yjs'
import type { RoomPeer } from './RoomPeer'
import { FramedMessage } from '../collab/framedMessage'
import { bytesOut, framesOut } from '../ops/metrics'
import type { BoardUpdateGuard } from './BoardUpdateGuard'
import { UpdateRejectedError } from './errors'
import { decodeFieldSets } from './decodeFieldSets'
import type { DecodedUpdate } from './predictFieldSets'

/**
 * Runs `change` (which changes `doc` with transactions of `origin`) and
 * returns what it actually changed, as the doc's own encoding of the update,
 * or null when it changed nothing.
 */
export function captureUpdate(doc: Y.Doc, origin: unknown, change: () => void): Uint8Array | null {
  const caught: Caught = { update: null }
  const capture = keepUpdateOf(origin, caught)
  doc.on('update', capture)
  try {
    change()
  } finally {
    doc.off('update', capture)
  }
  return caught.update
}

/** What {@link keepUpdateOf}'s listener caught. */
interface Caught {
  update: Uint8Array | null
}

/**
 * A doc `update` listener that keeps the update of `origin` in `caught`.
 * Made by a function, not assigned to a named `const` in the caller: the
 * server runs under tsx (esbuild `keepNames`), which names every such closure
 * with an `Object.defineProperty` call each time it is created, a cost paid
 * per accepted update here.
 */
function keepUpdateOf(origin: unknown, caught: Caught): (update: Uint8Array, updateOrigin: unknown) => void {
  return (update, updateOrigin) => {
    if (updateOrigin === origin) caught.update = update
  }
}

/** Applies `update` to `doc` and returns what it actually changed, or null when it held nothing new. */
export function applyAndCapture(doc: Y.Doc, update: Uint8Array, origin: unknown): Uint8Array | null {
  return captureUpdate(doc, origin, () => Y.applyUpdate(doc, update, origin))
}

/**
 * Applies a peer's update to `doc`, checked by `guard` (boards) first, and
 * returns what it changed (null: nothing new).
 * @throws UpdateRejectedError when it cannot be decoded, is refused or fails to apply.
 */
export function acceptFromPeer(
  doc: Y.Doc,
  guard: BoardUpdateGuard | null,
  update: Uint8Array,
  peer: RoomPeer
): Uint8Array | null {
  // Non-null when the fast reader read the update whole: no byte past its end (see applyPredicted).
  const whole = decodeFieldSets(update)
  let decoded: DecodedUpdate
  try {
    // Decode fully first: garbage must be refused before it touches the doc.
    decoded = whole ?? Y.decodeUpdate(update)
  } catch {
    throw new UpdateRejectedError('update could not be decoded')
  }
  // Nothing in it (every client's sync step 2 when it has nothing new): nothing to check or apply.
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return null
  if (!guard) return applyFromPeer(doc, update, peer)
  return guard.admit(
    update,
    peer.userId,
    peer,
    (checked, predicted) =>
      predicted && whole ? applyPredicted(doc, checked, peer) : applyFromPeer(doc, checked, peer),
    decoded
  )
}

/**
 * Applies an update whose effect the guard predicted (`predictFieldSets`:
 * every struct is new and becomes a field's value, and it deletes only the
 * values those replace) and which {@link decodeFieldSets} read whole (no
 * byte past its end, which Yjs would ignore), and returns it as is: it says
 * exactly what it changed, so Yjs need not encode the change again (it
 * encodes a transaction only for `update` listeners, and this adds none).
 */
function applyPredicted(doc: Y.Doc, update: Uint8Array, peer: RoomPeer): Uint8Array {
  try {
    Y.applyUpdate(doc, update, peer)
  } catch (error) {
    throw new UpdateRejectedError(`update failed to apply: ${(error as Error).message}`)
  }
  return update
}

/** Applies a peer's (checked) update; what it changed, or null. */
function applyFromPeer(doc: Y.Doc, update: Uint8Array, peer: RoomPeer): Uint8Array | null {
  try {
    return applyAndCapture(doc, update, peer)
  } catch (error) {
    throw new UpdateRejectedError(`update failed to apply: ${(error as Error).message}`)
  }
}

/** Counts frames sent to peers (one metrics update per broadcast: the hot path). */
function countOut(frames: number, frameBytes: number): void {
  framesOut.inc(frames)
  bytesOut.inc(frames * frameBytes)
}

/** Sends one message to one peer, counted. */
export function sendTo(peer: RoomPeer, message: Uint8Array): void {
  peer.send(new FramedMessage(message))
  countOut(1, message.byteLength)
}

/**
 * Sends one message to every peer but `except` (one peer, or a set of them),
 * framed once for all of them (see {@link FramedMessage}), and counted once:
 * this is the hot path.
 */
export function broadcastTo(
  peers: Iterable<RoomPeer>,
  message: Uint8Array,
  except: RoomPeer | ReadonlySet<RoomPeer> | null
): void {
  const framed = new FramedMessage(message)
  const skip = except instanceof Set ? except : null
  let sent = 0
  for (const peer of peers) {
    if (peer === except || skip?.has(peer)) continue
    peer.send(framed)
    sent++
  }
  if (sent) countOut(sent, message.byteLength)
}
