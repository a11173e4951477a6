import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { CloseCode } from '@/lib/collab/closeCodes'
import { getMetaMap, getRecordsMap, SCHEMA_FIELD } from '@/lib/binding/yRecords'
import {
  COLLAB_MODES_WITH_CLUSTER,
  startCluster,
  stopSharedRedisCluster,
  type CollabCluster,
} from '../support/collabModes'
import { connectProvider, eventually, synced } from '../support/providers'
import { closeCode, openRawSocket } from '../support/rawClient'
import { drawTestShape, probes } from '../support/boardProbes'

let cluster: CollabCluster
const cleanups: (() => void)[] = []

/** A provider on the writer's server (A), or with `on: 'reader'` on B (the same server when embedded). */
function client(room: string, user?: string, on: 'writer' | 'reader' = 'writer') {
  const c = connectProvider(on === 'writer' ? cluster.writerUrl : cluster.readerUrl, room, { user })
  cleanups.push(c.destroy)
  return c
}

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** Proves a room still serves: a write by one provider reaches another. */
async function roomStillServes(room: string) {
  const a = client(room)
  const b = client(room, undefined, 'reader')
  await Promise.all([synced(a.provider), synced(b.provider)])
  probes(a.doc, 'probe').set('alive', room)
  await eventually(() => probes(b.doc, 'probe').get('alive') === room, 5_000, 'probe to arrive')
}

afterAll(stopSharedRedisCluster)

describe.each(COLLAB_MODES_WITH_CLUSTER)('y-websocket protocol (%s)', (mode) => {
  beforeEach(async () => {
    cluster = await startCluster(mode, {
      maxFrameBytes: 64 * 1024,
      limits: { framesPerSecond: 50, frameBurst: 100 },
    })
  })

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await cluster.close()
  })

  test('two stock WebsocketProviders converge through the server, which seeded the room', async () => {
    const a = client('converge-room', 'user:alice')
    const b = client('converge-room', 'user:bob', 'reader')
    await Promise.all([synced(a.provider), synced(b.provider)])

    // The server seeded the board: schema, document and first page.
    expect(getMetaMap(a.doc).get(SCHEMA_FIELD)).toBeTruthy()
    expect([...getRecordsMap(b.doc).keys()].sort()).toEqual(['document:document', 'page:page'])

    drawTestShape(a.doc, 'shape:one', { x: 10 })
    b.doc.transact(() => getRecordsMap(b.doc).get('page:page')!.set('name', 'Design'))

    await eventually(
      () => getRecordsMap(b.doc).has('shape:one') && getRecordsMap(a.doc).get('page:page')?.get('name') === 'Design'
    )
    expect(Y.encodeStateAsUpdate(a.doc)).toEqual(Y.encodeStateAsUpdate(b.doc))
  })

  test('two clients joining an empty room at once find exactly one first page', async () => {
    const clients = Array.from({ length: 4 }, (_, i) => client('race-room', undefined, i % 2 ? 'reader' : 'writer'))
    await Promise.all(clients.map((c) => synced(c.provider)))
    for (const c of clients) {
      expect([...getRecordsMap(c.doc).keys()].filter((k) => k.startsWith('page:'))).toEqual(['page:page'])
    }
  })

  test('awareness reaches the other client, and a departed client’s state disappears', async () => {
    const a = client('presence-room')
    const b = client('presence-room', undefined, 'reader')
    await Promise.all([synced(a.provider), synced(b.provider)])
    a.provider.awareness.setLocalState({ u: 'tester', p: 'page', k: [1, 2] })
    await eventually(() => b.provider.awareness.getStates().get(a.doc.clientID)?.k?.[0] === 1, 5_000, 'presence')

    a.provider.disconnect()
    await eventually(() => !b.provider.awareness.getStates().has(a.doc.clientID), 5_000, 'presence removal')
  })

  test.each([
    ['a text frame', (s: import('ws').WebSocket) => s.send('hello'), CloseCode.MalformedMessage],
    [
      'garbage bytes',
      (s: import('ws').WebSocket) => s.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f])),
      CloseCode.MalformedMessage,
    ],
    [
      'an unknown message type',
      (s: import('ws').WebSocket) => s.send(new Uint8Array([7, 0])),
      CloseCode.MalformedMessage,
    ],
    [
      'a truncated sync message',
      (s: import('ws').WebSocket) => s.send(new Uint8Array([0, 2, 50, 1, 2])),
      CloseCode.MalformedMessage,
    ],
    [
      'a malformed update',
      (s: import('ws').WebSocket) => s.send(syncFrame(2, new Uint8Array([1, 200, 3, 4, 5, 6, 7]))),
      CloseCode.UpdateRejected,
    ],
    [
      'bad awareness JSON',
      (s: import('ws').WebSocket) => s.send(new Uint8Array([1, 6, 1, 9, 1, 2, 123, 120])),
      CloseCode.MalformedMessage,
    ],
    [
      'an oversized frame',
      (s: import('ws').WebSocket) => s.send(syncFrame(2, new Uint8Array(200 * 1024))),
      CloseCode.MessageTooBig,
    ],
  ])('%s closes that connection only; other rooms keep working', async (_name, send, expected) => {
    const bystander = client('bystander-room')
    await synced(bystander.provider)
    const hostile = await openRawSocket(cluster.writerUrl, 'hostile-room')
    const closed = closeCode(hostile)
    send(hostile)
    expect(await closed).toBe(expected)
    await roomStillServes('bystander-room')
    await roomStillServes('hostile-room')
  })

  test('a client flooding frames is cut off with 4429', async () => {
    const hostile = await openRawSocket(cluster.writerUrl, 'flood-room')
    const closed = closeCode(hostile)
    const queryAwareness = new Uint8Array([3])
    for (let i = 0; i < 500; i++) hostile.send(queryAwareness)
    expect(await closed).toBe(CloseCode.RateLimited)
    await roomStillServes('flood-room')
  })

  test('bad room ids are refused before the upgrade', async () => {
    await expect(openRawSocket(cluster.writerUrl, 'x')).rejects.toThrow(/400/)
    await expect(openRawSocket(cluster.writerUrl, 'has%20space%20in%20it')).rejects.toThrow(/400/)
  })

  test('a room is unloaded when its last client leaves, and reloads intact', async () => {
    const a = client('unload-room')
    await synced(a.provider)
    probes(a.doc, 'probe').set('kept', 42)
    const serverA = cluster.servers[0]!.collab
    await eventually(() => serverA.rooms.has('unload-room'))
    const before = Y.encodeStateVector(a.doc)
    a.destroy()
    await eventually(() => !serverA.rooms.has('unload-room'), 5_000, 'room to unload')

    const b = client('unload-room', undefined, 'reader')
    await synced(b.provider)
    expect(probes(b.doc, 'probe').get('kept')).toBe(42)
    expect(Y.encodeStateVector(b.doc)).toEqual(before)
  })
})
