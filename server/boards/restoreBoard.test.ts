import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import pino from 'pino'
import { GeoShapeUtil } from 'tldraw'
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { getMetaMap, getRecordsMap, recordToYMap, SCHEMA_FIELD } from '@/lib/binding/yRecords'
import { seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { Room } from '../rooms/Room'
import { MemoryRoomStorage } from '../storage/MemoryRoomStorage'
import { restoreBoard } from './restoreBoard'

const schema = createBoardSchema()
const logger = pino({ level: 'silent' })
const geoDefaults = (GeoShapeUtil.prototype as unknown as { getDefaultProps(): TLShape['props'] }).getDefaultProps.call(
  {
    options: {},
  }
)

function rectangle(id: string, x = 0): TLShape {
  return schema.types.shape.create({
    id,
    type: 'geo',
    x,
    y: 0,
    parentId: 'page:page',
    index: 'a1',
    props: { ...geoDefaults },
  } as unknown as TLShape) as TLShape
}

const rooms: Room[] = []
afterEach(() => {
  for (const room of rooms.splice(0)) room.destroy()
})

async function load(storage: MemoryRoomStorage, seed = true) {
  const room = await Room.load('r', { storage, schema, logger, seed })
  rooms.push(room)
  return room
}

/** Changes the live room as a client would (through the room's own logged path). */
async function edit(room: Room, change: (records: Y.Map<Y.Map<unknown>>) => void) {
  await room.applyServerChange('guest:cid', (doc) => change(getRecordsMap(doc) as Y.Map<Y.Map<unknown>>))
  return room.logSeq
}

describe('restoreBoard', () => {
  test('leaves out records that fail the schema, keeps the document record and refuses moments without a page', async () => {
    const storage = new MemoryRoomStorage()
    const room = await load(storage)
    const good = await edit(room, (records) => {
      records.set('shape:ok', recordToYMap(rectangle('shape:ok')))
      // What a hostile client could write: a shape missing its props.
      const bad = new Y.Map<unknown>()
      bad.set('id', 'shape:bad')
      bad.set('typeName', 'shape')
      records.set('shape:bad', bad)
    })
    const noDocument = await edit(room, (records) => records.delete('document:document'))
    const noPage = await edit(room, (records) => records.delete('page:page'))
    // The live board now: a document again, a page again, and garbage under an id.
    await edit(room, (records) => {
      records.set(
        'document:document',
        recordToYMap(schema.types.document.create({ id: 'document:document' } as TLRecord))
      )
      records.set(
        'page:page',
        recordToYMap(schema.types.page.create({ id: 'page:page', name: 'P', index: 'a1' } as TLRecord))
      )
      ;(records as unknown as Y.Map<unknown>).set('shape:junk', 'not a record')
    })

    await expect(restoreBoard(room, { storage, schema }, noPage, 'guest:olga')).rejects.toMatchObject({
      status: 400,
      message: `the board at log position ${noPage} has no page to restore; pick another moment`,
    })
    const result = await restoreBoard(room, { storage, schema }, good, 'guest:olga')
    expect(result).toMatchObject({ seq: good, skipped: ['shape:bad'] })
    const ids = [...getRecordsMap(room.doc).keys()].sort()
    expect(ids).toEqual(['document:document', 'page:page', 'shape:ok'])
    expect(getRecordsMap(room.doc).get('page:page')?.get('name')).toBe('Page 1')

    // A moment without a document record keeps the board's current one.
    await restoreBoard(room, { storage, schema }, noDocument, 'guest:olga')
    expect(getRecordsMap(room.doc).has('document:document')).toBe(true)
    expect(getMetaMap(room.doc).get(SCHEMA_FIELD)).toEqual(schema.serialize())
  })

  test('refuses a position before the board existed or past the log', async () => {
    const storage = new MemoryRoomStorage()
    // Someone wrote into the log before the board was seeded.
    const stray = new Y.Doc()
    stray.getMap('other').set('x', 1)
    await storage.appendUpdate('r', { time: 1, author: 'guest:x', update: Y.encodeStateAsUpdate(stray) })
    const seeded = new Y.Doc()
    seedBoardDoc(seeded, schema)
    await storage.appendUpdate('r', { time: 2, author: 'system', update: Y.encodeStateAsUpdate(seeded) })
    const room = await load(storage, false)
    await expect(restoreBoard(room, { storage, schema }, 1, 'guest:olga')).rejects.toMatchObject({
      status: 400,
      message: 'the board did not exist yet at log position 1',
    })
    await expect(restoreBoard(room, { storage, schema }, 3, 'guest:olga')).rejects.toMatchObject({
      status: 404,
      message: "the board's log has no position 3: it ends at 2",
    })
  })

  test('refuses to write into a board a newer release upgraded (a schema this server does not write)', async () => {
    const storage = new MemoryRoomStorage()
    const room = await load(storage)
    const drawn = await edit(room, (records) => records.set('shape:ok', recordToYMap(rectangle('shape:ok'))))
    const newer = structuredClone(schema.serialize()) as { sequences: Record<string, number> }
    newer.sequences['com.tldraw.shape.geo'] = 999
    await room.applyServerChange('guest:future', (doc) => getMetaMap(doc).set(SCHEMA_FIELD, newer))
    await edit(room, (records) => records.delete('shape:ok'))
    await expect(restoreBoard(room, { storage, schema }, drawn, 'guest:olga')).rejects.toMatchObject({ status: 409 })
    expect(getRecordsMap(room.doc).has('shape:ok')).toBe(false)
    expect(getMetaMap(room.doc).get(SCHEMA_FIELD)).toEqual(newer)
  })

  test('migrates a moment written by an older release to the board’s schema', async () => {
    const storage = new MemoryRoomStorage()
    // The board as an older release wrote it: geo shapes before flipX/flipY (geo version 11).
    const older = structuredClone(schema.serialize()) as { sequences: Record<string, number> }
    older.sequences['com.tldraw.shape.geo'] = 11
    const { flipX: _x, flipY: _y, ...oldProps } = rectangle('shape:old').props as Record<string, unknown>
    const oldDoc = new Y.Doc()
    seedBoardDoc(oldDoc, schema)
    oldDoc.transact(() => {
      getMetaMap(oldDoc).set(SCHEMA_FIELD, older)
      const shape = recordToYMap({ ...rectangle('shape:old'), props: oldProps } as unknown as TLShape)
      getRecordsMap(oldDoc).set('shape:old', shape)
    })
    await storage.appendUpdate('r', { time: 1, author: 'system', update: Y.encodeStateAsUpdate(oldDoc) })
    const room = await load(storage)
    // A client of this release migrated the board, then the shape was deleted.
    await room.applyServerChange('guest:cid', (doc) => {
      getMetaMap(doc).set(SCHEMA_FIELD, schema.serialize())
      getRecordsMap(doc).delete('shape:old')
    })
    const result = await restoreBoard(room, { storage, schema }, 1, 'guest:olga')
    expect(result).toMatchObject({ created: 1, skipped: [] })
    expect(getRecordsMap(room.doc).get('shape:old')?.toJSON()).toEqual(rectangle('shape:old'))
    expect(getMetaMap(room.doc).get(SCHEMA_FIELD)).toEqual(schema.serialize())
  })
})
