import * as Y from 'yjs'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { createTLSchema, InstancePresenceRecordType, type TLRecord } from '@tldraw/tlschema'
import { recordToYMap, writeRecordChanges, getRecordsMap } from '@/lib/binding/yRecords'
import { toWirePresence } from '@/lib/presence/presenceWire'
import { awarenessFrame, updateFrame } from '../load/wire'
import type { BenchOptions, BenchRow } from '../types'

const schema = createTLSchema()

/** A rectangle as tldraw 5.4.2 stores it (validated against the schema below). */
function geoShape(x: number, y: number, text = ''): TLRecord {
  const record = {
    id: 'shape:Xk2m9Qp4Lr7Tn1Vb8Hc3J',
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      w: 160,
      h: 90,
      geo: 'rectangle',
      flipX: false,
      flipY: false,
      dash: 'draw',
      url: '',
      growY: 0,
      scale: 1,
      labelColor: 'black',
      color: 'black',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', ...(text ? { content: [{ type: 'text', text }] } : {}) }],
      },
    },
  } as unknown as TLRecord
  return schema.types.shape.validate(record) as TLRecord
}

/** Bytes of the y-websocket frame carrying what `edit` writes to a doc that already holds `before`. */
function frameBytes(setup: (doc: Y.Doc) => void, edit: (doc: Y.Doc) => void): number {
  const doc = new Y.Doc()
  setup(doc)
  let bytes = 0
  doc.on('update', (update: Uint8Array) => (bytes += updateFrame(update).byteLength))
  edit(doc)
  doc.destroy()
  return bytes
}

/** Ours: one nested Y.Map per record, changed fields only. */
function oursBytes(before: TLRecord, after: TLRecord): number {
  return frameBytes(
    (doc) => getRecordsMap(doc).set(before.id, recordToYMap(before)),
    (doc) => doc.transact(() => writeRecordChanges(getRecordsMap(doc).get(before.id)!, before, after))
  )
}

/** tldraw's Yjs example: whole records in a YKeyValue over a Y.Array. */
function wholeRecordBytes(before: TLRecord, after: TLRecord): number {
  let store: YKeyValue<TLRecord> | null = null
  return frameBytes(
    (doc) => {
      store = new YKeyValue<TLRecord>(doc.getArray('tl_room'))
      store.set(before.id, before)
    },
    (doc) => doc.transact(() => store!.set(after.id, after))
  )
}

function presenceBytes(state: Record<string, unknown>): number {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalState(state)
  const bytes = awarenessFrame(encodeAwarenessUpdate(awareness, [doc.clientID])).byteLength
  awareness.destroy()
  doc.destroy()
  return bytes
}

/** Scenario 1: bytes on the wire for one shape move, one text edit, one presence update. */
export async function run(_options: BenchOptions): Promise<BenchRow[]> {
  const shape = geoShape(100, 100)
  const moved = { ...shape, x: 512.5, y: 384.25 } as TLRecord
  const labelled = geoShape(100, 100, 'Load balancer')
  const relabelled = geoShape(100, 100, 'Load balancers')
  const presence = InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId('1'),
    userId: 'user:3f9a0c1b2d4e' as never,
    userName: 'Guest Falcon',
    color: '#02B1CC',
    currentPageId: 'page:page' as never,
    lastActivityTimestamp: 1_700_000_000_000,
    cursor: { x: 512.3456, y: 384.987, type: 'default', rotation: 0 },
    selectedShapeIds: [shape.id as never],
    camera: { x: -120.5, y: 34.25, z: 1 },
    screenBounds: { x: 0, y: 0, w: 1280, h: 800 },
  })
  const row = (metric: string, ours: number, theirs: number, goal: string, limit: number | null): BenchRow => ({
    scenario: '1. Bytes on the wire (y-websocket frame)',
    metric,
    mockboard: ours,
    peers: { 'tldraw yjs example': theirs },
    ratio: { against: 'tldraw yjs example', value: Math.round((ours / theirs) * 100) / 100 },
    goal,
    met: limit === null ? null : ours < limit,
    runs: 1,
  })
  return [
    row('shape move (B)', oursBytes(shape, moved), wholeRecordBytes(shape, moved), '< 100 B', 100),
    row(
      'text edit, one letter (B)',
      oursBytes(labelled, relabelled),
      wholeRecordBytes(labelled, relabelled),
      '—',
      null
    ),
    row(
      'presence while dragging (B)',
      presenceBytes(toWirePresence(presence)),
      presenceBytes({ presence: JSON.parse(JSON.stringify(presence)) }),
      '< 150 B',
      150
    ),
  ]
}
