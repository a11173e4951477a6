import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'

/** A Yjs doc `update` listener. */
export type UpdateListener = (update: Uint8Array, origin: unknown) => void

/** y-websocket's message type for sync messages (its `messageSync`). */
const MESSAGE_SYNC = 0

/** The listener sets of a Yjs doc (lib0's `Observable`, which `Y.Doc` extends). */
type Observed = { _observers?: unknown }

/**
 * Makes `provider` apply what the server sends without Yjs encoding it again.
 *
 * Yjs encodes every transaction back into an update as long as the doc has
 * an `update` listener, and a board's doc always has two: the provider's
 * own (which sends local changes and skips everything the provider applied)
 * and the local copy's in IndexedDB (which stores updates). Neither needs
 * the encoding for a server update: one ignores it, the other can store the
 * bytes as they came (a received update holds at least what it changed, and
 * applying an update twice changes nothing). On a cold open that encoding is
 * the whole board again: ~200 ms of main thread for 2,000 shapes (1.5 MB),
 * before anything is drawn.
 *
 * So for a sync step 2 or update message, while the doc's only `update`
 * listeners are `listeners`, they are taken off, the update is applied, they
 * are put back and each gets the received bytes. With any other listener on
 * the doc, the update is applied as y-websocket would (Yjs encodes it for
 * that listener). Everything else about the message is y-websocket's own
 * handler: the reply to a sync step 1, `synced` after the first step 2, and
 * an update that fails to apply being logged, not thrown.
 *
 * @param listeners the `update` listeners that take received bytes as they
 *   are, e.g. `[provider._updateHandler, indexeddbPersistence._storeUpdate]`
 */
export function applyServerUpdatesQuietly(provider: WebsocketProvider, listeners: readonly UpdateListener[]): void {
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, target, emitSynced) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    const type = decoding.readVarUint(decoder)
    if (type === syncProtocol.messageYjsSyncStep1) {
      syncProtocol.readSyncStep1(decoder, encoder, target.doc)
    } else if (type === syncProtocol.messageYjsSyncStep2 || type === syncProtocol.messageYjsUpdate) {
      applyQuietly(target.doc, decoding.readVarUint8Array(decoder), target, listeners)
    } else {
      throw new Error('Unknown message type')
    }
    if (emitSynced && type === syncProtocol.messageYjsSyncStep2 && !target.synced) target.synced = true
  }
}

/** Applies `update` with `listeners` off when they are the doc's only `update` listeners, then hands them the bytes. */
function applyQuietly(doc: Y.Doc, update: Uint8Array, origin: unknown, listeners: readonly UpdateListener[]): void {
  const attached = updateListeners(doc)
  // Listeners that cannot be read, or any that is not one of ours: Yjs encodes the update as usual.
  const detached = attached?.every((listener) => listeners.includes(listener)) ? attached : []
  for (const listener of detached) doc.off('update', listener)
  try {
    Y.applyUpdate(doc, update, origin)
  } catch (error) {
    // As y-protocols' readSyncStep2: a bad update (or a failing observer) is logged, the connection stays.
    // Not handed on: the local copy would store it, and every later open would fail to load it.
    console.error('Caught error while handling a Yjs update', error)
    return
  } finally {
    for (const listener of detached) doc.on('update', listener)
  }
  for (const listener of detached) listener(update, origin)
}

/** The doc's `update` listeners (none: empty), or null when they cannot be read. */
function updateListeners(doc: Y.Doc): UpdateListener[] | null {
  const observers = (doc as unknown as Observed)._observers
  if (!(observers instanceof Map)) return null
  const listeners: unknown = observers.get('update')
  if (listeners === undefined) return []
  return listeners instanceof Set ? ([...listeners] as UpdateListener[]) : null
}
