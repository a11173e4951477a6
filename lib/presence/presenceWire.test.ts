import { describe, expect, test } from 'vitest'
import * as encoding from 'lib0/encoding'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { InstancePresenceRecordType, type TLPageId, type TLShapeId, type TLUserId } from '@tldraw/tlschema'
import { fromWirePresence, MAX_SHARED_SELECTION, toWirePresence, wirePresenceSchema } from './presenceWire'

/** What tldraw derives for a user dragging one selected shape. */
const dragging = InstancePresenceRecordType.create({
  id: InstancePresenceRecordType.createId('1'),
  userId: 'user:3f9a0c1b2d4e' as TLUserId,
  userName: 'Guest Falcon',
  color: '#02B1CC',
  currentPageId: 'page:page' as TLPageId,
  lastActivityTimestamp: 1_700_000_000_000,
  cursor: { x: 512.3456, y: 384.987, type: 'default', rotation: 0 },
  selectedShapeIds: ['shape:Xk2m9Qp4Lr7Tn1Vb8Hc3J' as TLShapeId],
  camera: { x: -120.5, y: 34.25, z: 1.2345678 },
  screenBounds: { x: 0, y: 0, w: 1280, h: 720 },
  followingUserId: null,
  brush: null,
  scribbles: [],
  chatMessage: '',
  meta: {},
})

/** The frame y-websocket sends for one awareness change: type 1 + awareness update. */
function awarenessFrame(state: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalState(state)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [doc.clientID]))
  awareness.destroy()
  return encoding.toUint8Array(encoder)
}

describe('presence on the wire', () => {
  test('a presence frame while dragging a selected shape is under 150 bytes', () => {
    const frame = awarenessFrame(toWirePresence(dragging))
    expect(frame.byteLength).toBeLessThan(150)
  })

  test('a participant whose user record has not arrived yet shows as a neutral guest', () => {
    expect(fromWirePresence(1, toWirePresence(dragging), 0)).toMatchObject({ userName: 'Guest', color: '#868e96' })
  })

  test('round-trips what collaborators render: cursor, name, colour, selection, viewport', () => {
    const look = (id: string) => (id === dragging.userId ? { name: 'Guest Falcon', color: '#02B1CC' } : null)
    const record = fromWirePresence(1, toWirePresence(dragging), 42, look)
    expect(record).toMatchObject({
      userId: dragging.userId,
      userName: 'Guest Falcon',
      color: '#02B1CC',
      currentPageId: 'page:page',
      cursor: { x: 512, y: 385, type: 'default' },
      selectedShapeIds: dragging.selectedShapeIds,
      camera: { x: -120, y: 34, z: 1.23 },
      screenBounds: { x: 0, y: 0, w: 1280, h: 720 },
      lastActivityTimestamp: 42,
    })
  })

  test('a selection of 2,000 shapes (select all on a big board) still makes a presence the server accepts', () => {
    // Before, all 2,000 ids were sent: the server refused the state and closed the connection, the client
    // reconnected and sent it again, and the user's edits never reached the room.
    const ids = Array.from({ length: 2_000 }, (_, i) => `shape:box${i}` as TLShapeId)
    const wire = toWirePresence({ ...dragging, selectedShapeIds: ids })
    expect(wirePresenceSchema.safeParse(wire).success).toBe(true)
    expect(wire.s).toEqual(ids.slice(0, MAX_SHARED_SELECTION).map((id) => id.slice('shape:'.length)))
  })

  test('a selected shape whose id presence cannot carry is left out of the shared selection', () => {
    const odd = 'shape:imported.from/elsewhere' as TLShapeId
    const wire = toWirePresence({ ...dragging, selectedShapeIds: [odd, ...dragging.selectedShapeIds] })
    expect(wirePresenceSchema.safeParse(wire).success).toBe(true)
    expect(wire.s).toEqual(['Xk2m9Qp4Lr7Tn1Vb8Hc3J'])
  })

  test.each([
    ['not an object', 'hello'],
    ['a user id with characters ids never have', { ...toWirePresence(dragging), u: 'admin:<script>' }],
    ['a selection that is not a list of ids', { ...toWirePresence(dragging), s: 'shape:a' }],
    ['a cursor that is not two numbers', { ...toWirePresence(dragging), k: ['1', 2] }],
    ['a huge selection', { ...toWirePresence(dragging), s: Array.from({ length: 501 }, (_, i) => `s${i}`) }],
  ])('rejects a peer state that is %s', (_name, state) => {
    expect(fromWirePresence(1, state, 0)).toBeNull()
  })
})
