/**
 * The board's provider applies what the server sends without Yjs encoding
 * it again (see applyServerUpdates.ts). On a cold open that encoding was the
 * whole board a second time, ~200 ms of main thread before anything could
 * be drawn, for two listeners that never needed it.
 *
 * These feed y-websocket messages to the provider's own message handler, as
 * its socket does. Bugs they would catch: the local copy (IndexedDB) no
 * longer storing what the server sent; local edits no longer sent after the
 * first sync (the listeners not put back); another `update` listener of the
 * doc silently missing server updates; `synced` never set; the reply to the
 * server's sync step 1 lost; a bad update from the server throwing out of
 * the socket's message handler.
 */
import { afterEach, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { applyServerUpdatesQuietly, type UpdateListener } from './applyServerUpdates'

const MESSAGE_SYNC = 0

let provider: WebsocketProvider | null = null
afterEach(() => {
  provider?.destroy()
  provider = null
  vi.restoreAllMocks()
})

/** A provider that never connects: the test hands its message handler the server's messages. */
function offlineProvider(doc: Y.Doc): WebsocketProvider {
  provider = new WebsocketProvider('ws://127.0.0.1:9/collab', 'room', doc, {
    connect: false,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  })
  return provider
}

/** A fresh board doc and offline provider whose local copy (`stored`) takes updates quietly, as the board's does. */
function quietBoard(): { doc: Y.Doc; local: WebsocketProvider; stored: Uint8Array[] } {
  const doc = new Y.Doc()
  const local = offlineProvider(doc)
  const stored: Uint8Array[] = []
  const store: UpdateListener = (update) => stored.push(update)
  doc.on('update', store)
  applyServerUpdatesQuietly(local, [local._updateHandler, store])
  return { doc, local, stored }
}

/** The doc's `update` listeners (lib0's Observable keeps them in `_observers`). */
function updateListeners(doc: Y.Doc): unknown[] {
  return [...((doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update') ?? [])]
}

/** A board the server holds, with a few records. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc()
  const records = doc.getMap('records')
  for (let i = 0; i < 20; i++) records.set(`shape:${i}`, new Y.Map([['x', i]]))
  return doc
}

/** A sync message as the server frames it: message type, sync type, payload. */
function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** Runs the provider's sync handler on `message`; what it would send back. */
function receive(target: WebsocketProvider, message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message)
  const type = decoding.readVarUint(decoder)
  const reply = encoding.createEncoder()
  target.messageHandlers[type]!(reply, decoder, target, true, type)
  return encoding.toUint8Array(reply)
}

test("the server's board arrives whole, and the local copy stores the bytes as received, not encoded again", () => {
  const { doc, local, stored } = quietBoard()

  const server = serverDoc()
  const board = Y.encodeStateAsUpdate(server)
  const message = syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, server))
  receive(local, message)

  expect(doc.getMap('records').size).toBe(20)
  expect(local.synced).toBe(true)
  // Once, and a view into the message itself: Yjs encoding the transaction would hand over a new array.
  expect(stored).toHaveLength(1)
  expect(stored[0]!.buffer).toBe(message.buffer)
  expect(stored[0]).toEqual(board)
})

test('the listeners are back afterwards: a local edit is stored and sent as before', () => {
  const { doc, local, stored } = quietBoard()
  receive(
    local,
    syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, serverDoc()))
  )

  doc.getMap('records').set('shape:local', new Y.Map([['x', 99]]))

  expect(stored).toHaveLength(2)
  const copy = new Y.Doc()
  Y.applyUpdate(copy, stored[1]!)
  expect((copy.getMap('records').get('shape:local') as Y.Map<number> | undefined)?.get('x')).toBe(99)
  // The provider's own listener (which sends local edits) is registered on the doc again.
  expect(updateListeners(doc)).toContain(local._updateHandler)
})

test('another update listener on the doc still gets every server update (Yjs encodes it for that one)', () => {
  const { doc, local, stored } = quietBoard()
  const other: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => other.push(update))

  receive(
    local,
    syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, serverDoc()))
  )

  expect(doc.getMap('records').size).toBe(20)
  expect(other).toHaveLength(1)
  expect(stored).toHaveLength(1) // from Yjs, once, not a second time from us
})

test("the server's sync step 1 is answered with what the server lacks", () => {
  const doc = new Y.Doc()
  doc.getMap('records').set('shape:offline', new Y.Map([['x', 1]]))
  const local = offlineProvider(doc)
  applyServerUpdatesQuietly(local, [local._updateHandler])

  const reply = receive(
    local,
    syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, new Y.Doc()))
  )

  const decoder = decoding.createDecoder(reply)
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC)
  expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2)
  const server = new Y.Doc()
  Y.applyUpdate(server, decoding.readVarUint8Array(decoder))
  expect(server.getMap('records').has('shape:offline')).toBe(true)
  expect(local.synced).toBe(false) // a step 1 is not the server's state
})

test('a bad update from the server is logged, not thrown, not stored locally, and the listeners stay attached', () => {
  const { doc, local, stored } = quietBoard()
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)

  expect(() =>
    receive(
      local,
      syncMessage((encoder) => {
        encoding.writeVarUint(encoder, syncProtocol.messageYjsUpdate)
        encoding.writeVarUint8Array(encoder, new Uint8Array([255, 255, 255, 255, 1]))
      })
    )
  ).not.toThrow()
  expect(logged).toHaveBeenCalled()
  expect(stored).toEqual([]) // the local copy never stores what could not be applied

  doc.getMap('records').set('shape:after', 1)
  expect(stored.at(-1)).toBeDefined()
  const copy = new Y.Doc()
  Y.applyUpdate(copy, stored.at(-1)!)
  expect(copy.getMap('records').get('shape:after')).toBe(1)
})
