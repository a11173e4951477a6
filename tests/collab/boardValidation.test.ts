import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { TLDOCUMENT_ID } from '@tldraw/tlschema'
import { CloseCode } from '@/lib/collab/closeCodes'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { getMetaMap, getRecordsMap, recordToYMap, SCHEMA_FIELD } from '@/lib/binding/yRecords'
import { COLLAB_MODES, startCluster, type CollabCluster } from '../support/collabModes'
import { connectProvider, eventually, synced } from '../support/providers'
import { closeCode, openRawSocket } from '../support/rawClient'
import { updateFrame } from '../support/rawPeer'
import { auditLog } from '../support/logAudit'
import { wireUserId } from '@/lib/presence/presenceWire'
import { drawTestShape, probes, testShape } from '../support/boardProbes'

/**
 * A candidate could once brick a board for everyone: set the schema to a
 * future version (every client turned read-only for good), delete it or the
 * document record (an unopenable board the server could not re-seed), or
 * write one malformed record (the interviewer's summary answered 500). The
 * server now checks each update against the board's schema before it is
 * applied or logged. Each attack below is a well-formed Yjs update built on a
 * copy of the real board, sent from a raw socket with a candidate's token.
 */
let cluster: CollabCluster
const cleanups: (() => void)[] = []
const ROOM = 'validation-room'
const schema = createBoardSchema()
/** Alice's tldraw user record id, as her browser writes it. */
const ALICE_RECORD = `user:${wireUserId('user:alice')}`

function client(user: string, on: 'writer' | 'reader' = 'writer') {
  const c = connectProvider(on === 'writer' ? cluster.writerUrl : cluster.readerUrl, ROOM, { user, role: 'candidate' })
  cleanups.push(c.destroy)
  return c
}

/**
 * The update `attack` makes to a synced copy of the board, sent by
 * `user` over a raw socket; resolves with the close code the server answered.
 */
async function attackWith(user: string, attack: (doc: Y.Doc) => void): Promise<number> {
  const copy = client(user)
  await synced(copy.provider)
  copy.provider.disconnect()
  let update: Uint8Array | null = null
  copy.doc.on('update', (u: Uint8Array) => (update = u))
  copy.doc.transact(() => attack(copy.doc))
  if (!update) throw new Error('the attack changed nothing')
  const socket = await openRawSocket(cluster.writerUrl, ROOM, { role: 'candidate', user } as never)
  socket.send(updateFrame(update))
  return closeCode(socket)
}

const attacks: [string, (doc: Y.Doc) => void][] = [
  // First: the barrier edits below are probe pages, after which page:page is no longer the last.
  ['deleting the last page', (doc) => getRecordsMap(doc).delete('page:page')],
  [
    'a schema from the future (every client would turn read-only)',
    (doc) => {
      const future = structuredClone(schema.serialize()) as { sequences: Record<string, number> }
      for (const key of Object.keys(future.sequences)) future.sequences[key] = 999
      getMetaMap(doc).set(SCHEMA_FIELD, future)
    },
  ],
  ['deleting the schema', (doc) => getMetaMap(doc).delete(SCHEMA_FIELD)],
  ['deleting the document record', (doc) => getRecordsMap(doc).delete(TLDOCUMENT_ID)],
  [
    'a shape whose x is a string',
    (doc) => getRecordsMap(doc).set('shape:bogus', recordToYMap({ ...testShape('shape:bogus'), x: 'left' } as never)),
  ],
  ['making a valid shape invalid', (doc) => getRecordsMap(doc).get('shape:kept')!.set('rotation', null)],
  [
    'a record stored under another id',
    (doc) => getRecordsMap(doc).set('shape:alias', recordToYMap(testShape('shape:x'))),
  ],
  [
    'a record of no known type',
    (doc) => getRecordsMap(doc).set('weird:1', recordToYMap({ id: 'weird:1', typeName: 'weird' } as never)),
  ],
  ['a value that is not a record', (doc) => getRecordsMap(doc).set('shape:flat', 'text' as never)],
  [
    "rewriting another participant's user record",
    (doc) =>
      getRecordsMap(doc).set(ALICE_RECORD, recordToYMap({ ...userRecord(ALICE_RECORD), name: 'Mallory' } as never)),
  ],
  ['a top-level type the board does not have', (doc) => doc.getMap('junk').set('a', 'b'.repeat(1000))],
]

describe.each(COLLAB_MODES)('board updates are validated (%s)', (mode) => {
  beforeEach(async () => {
    cluster = await startCluster(mode)
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await cluster.close()
  })

  test('every schema-poisoning update is refused with 4422; the pair keeps editing; the log holds none of it', async () => {
    const alice = client('user:alice')
    const bob = client('user:bob', 'reader')
    await Promise.all([synced(alice.provider), synced(bob.provider)])
    drawTestShape(alice.doc, 'shape:kept')
    await eventually(() => getRecordsMap(bob.doc).has('shape:kept'), 5_000, 'the first shape')

    for (const [what, attack] of attacks) {
      expect(await attackWith('user:mallory', attack), what).toBe(CloseCode.UpdateRejected)
      // A barrier: the pair's next edit arrives, so anything the attack got through would have too.
      probes(alice.doc, 'after').set(what.slice(0, 20).replace(/\W/g, '_'), true)
      await eventually(
        () => probes(bob.doc, 'after').has(what.slice(0, 20).replace(/\W/g, '_')),
        5_000,
        `edit after ${what}`
      )
    }

    // A participant may write their own user record (tldraw's attribution).
    getRecordsMap(alice.doc).set(ALICE_RECORD, recordToYMap({ ...userRecord(ALICE_RECORD), name: 'Alice' } as never))
    await eventually(
      () => getRecordsMap(bob.doc).get(ALICE_RECORD)?.get('name') === 'Alice',
      5_000,
      "alice's own user record"
    )

    const fresh = client('user:late', 'reader')
    await synced(fresh.provider)
    for (const doc of [bob.doc, fresh.doc]) {
      expect(getMetaMap(doc).get(SCHEMA_FIELD)).toEqual(schema.serialize())
      const records = getRecordsMap(doc)
      expect(records.has(TLDOCUMENT_ID) && records.has('page:page') && records.has('shape:kept')).toBe(true)
      for (const id of ['shape:bogus', 'shape:alias', 'weird:1', 'shape:flat']) expect(records.has(id), id).toBe(false)
      expect(records.get('shape:kept')!.get('rotation')).toBe(0)
      expect(doc.share.has('junk')).toBe(false)
    }
    expect(probes(fresh.doc, 'after').size).toBe(attacks.length)

    const { doc: logged } = auditLog(await cluster.servers[0]!.storage.readLog(ROOM))
    expect(getMetaMap(logged).get(SCHEMA_FIELD)).toEqual(schema.serialize())
    expect(getRecordsMap(logged).has(TLDOCUMENT_ID)).toBe(true)
    expect(getRecordsMap(logged).has('shape:bogus')).toBe(false)
    expect(logged.share.has('junk')).toBe(false)
  })

  test('an edit that arrives before the change it builds on is held back, then checked and applied with it', async () => {
    // After a reconnect, an edit made while the client's sync step 2 is on its way arrives first.
    const bob = client('user:bob', 'reader')
    await synced(bob.provider)
    const author = new Y.Doc()
    const updates: Uint8Array[] = []
    author.on('update', (u: Uint8Array) => updates.push(u))
    drawTestShape(author, 'shape:late')
    getRecordsMap(author).get('shape:late')!.set('x', 240)
    const [draw, move] = updates as [Uint8Array, Uint8Array]
    const socket = await openRawSocket(cluster.writerUrl, ROOM, { role: 'candidate' })
    const closed = closeCode(socket, 60_000)
    socket.send(updateFrame(move))
    socket.send(updateFrame(draw))
    await eventually(() => getRecordsMap(bob.doc).get('shape:late')?.get('x') === 240, 5_000, 'the shape, moved')
    socket.close()
    expect(await closed).toBe(1005)
  })
})

/** A valid tldraw user record for `id`. */
function userRecord(id: string) {
  return schema.types.user!.create({ id } as never)
}
