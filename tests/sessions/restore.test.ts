import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { GeoShapeUtil } from 'tldraw'
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import type { Actor } from '@/lib/access/actor'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { getRecordsMap, readDocSchema, recordToYMap } from '@/lib/binding/yRecords'
import { boardAt } from '@/server/boards/boardAt'
import { currentActor } from '@/server/auth/session'
import { POST as restoreRoute } from '@/app/api/rooms/[roomId]/restore/route'
import { deploySessions, type SessionDeployment } from '../support/sessionDeployment'
import { eventually, synced } from '../support/providers'
import { testUserRecord } from '../support/boardProbes'
import { wireUserId } from '@/lib/presence/presenceWire'

// The route reads the signed-in user from next-auth's session; here it is whoever the test says.
vi.mock('@/server/auth/session', () => ({ currentActor: vi.fn() }))

const olga = { userId: 'guest:olga', name: 'Olga' } // owner, interviewer
const ivy = { userId: 'guest:ivy', name: 'Ivy' } // co-interviewer
const cid = { userId: 'guest:cid', name: 'Cid' } // candidate
/** Cid's tldraw user record, as his browser writes it. */
const CID_RECORD = `user:${wireUserId(cid.userId)}`
const obi = { userId: 'guest:obi', name: 'Obi' } // observer

const schema = createBoardSchema()
const geoDefaults = (GeoShapeUtil.prototype as unknown as { getDefaultProps(): TLShape['props'] }).getDefaultProps.call(
  {
    options: {},
  }
)

/** A valid rectangle on the first page, as tldraw writes one. */
function rectangle(id: string, x: number): TLShape {
  return schema.types.shape.create({
    id,
    type: 'geo',
    x,
    y: 40,
    parentId: 'page:page',
    index: `a${x}`,
    props: { ...geoDefaults },
  } as unknown as TLShape) as TLShape
}

function shapesOf(doc: Y.Doc): Record<string, Record<string, unknown>> {
  const shapes: Record<string, Record<string, unknown>> = {}
  getRecordsMap(doc).forEach((record, id) => {
    if (record instanceof Y.Map && record.get('typeName') === 'shape') shapes[id] = record.toJSON()
  })
  return shapes
}

/** Calls `POST /api/rooms/<roomId>/restore` as `actor` with `body`. */
async function restoreAs(actor: Actor, roomId: string, body: unknown) {
  vi.mocked(currentActor).mockResolvedValue(actor)
  const response = await restoreRoute(
    new Request(`http://localhost/api/rooms/${roomId}/restore`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ roomId }) }
  )
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** Waits until the room's log (not just a server's memory) holds a board passing `check`; returns its head. */
async function untilLogged(d: SessionDeployment, roomId: string, check: (store: Record<string, TLRecord>) => boolean) {
  for (let i = 0; i < 500; i++) {
    const head = (await d.storage.readLog(roomId)).at(-1)?.seq ?? 0
    const board = await boardAt(d.storage, roomId, head)
    if (board && check(board.store)) return head
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('the log never held that board')
}

/** Waits until the room's log reaches `seq`; returns its head. */
async function untilLogHas(d: SessionDeployment, roomId: string, seq: number) {
  for (let i = 0; i < 500; i++) {
    const head = (await d.storage.readLog(roomId)).at(-1)?.seq ?? 0
    if (head >= seq) return head
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`the log never reached ${seq}`)
}

const shapeCount = (store: Record<string, TLRecord>) =>
  Object.values(store).filter((r) => r.typeName === 'shape').length

let deployment: SessionDeployment | null = null
beforeEach(() => vi.mocked(currentActor).mockReset())
afterEach(async () => {
  await deployment?.close()
  deployment = null
})

describe.each(['embedded', 'redis'] as const)('restore this version (%s)', (mode) => {
  test('everything deleted comes back for every client through the API; the log keeps the deletion and the restore', async () => {
    const d = (deployment = await deploySessions(mode))
    d.installAppContext()
    const { roomId, invites } = await d.access.createRoom(olga)
    await d.access.acceptInvite(invites.interviewer, ivy)
    await d.access.acceptInvite(invites.candidate, cid)
    await d.access.acceptInvite(invites.observer, obi)

    // Two real y-websocket clients (on server B in Redis mode; the API runs on A).
    const olgaBoard = d.open(roomId, olga.userId, 'interviewer', 'board')
    const cidBoard = d.open(roomId, cid.userId, 'candidate', 'board')
    await Promise.all([synced(olgaBoard.provider), synced(cidBoard.provider)])
    const draw = (doc: Y.Doc, shape: TLShape) =>
      doc.transact(() => getRecordsMap(doc).set(shape.id, recordToYMap(shape)))
    draw(olgaBoard.doc, rectangle('shape:lb', 1))
    draw(olgaBoard.doc, rectangle('shape:db', 2))
    draw(cidBoard.doc, rectangle('shape:cache', 3))
    await eventually(() => Object.keys(shapesOf(cidBoard.doc)).length === 3, 10_000, 'Cid to see three shapes')
    // Cid moves Olga's load balancer: a field change the restore must bring back too.
    cidBoard.doc.transact(() => getRecordsMap(cidBoard.doc).get('shape:lb')!.set('x', 500))
    const before = await untilLogged(d, roomId, (s) => shapeCount(s) === 3 && (s['shape:lb'] as TLShape).x === 500)
    const drawn = shapesOf(cidBoard.doc)
    const schemaBefore = readDocSchema(olgaBoard.doc)

    // Cid deletes every shape (as select-all + delete does), then his name record appears.
    cidBoard.doc.transact(() => {
      for (const id of Object.keys(shapesOf(cidBoard.doc))) getRecordsMap(cidBoard.doc).delete(id)
    })
    cidBoard.doc.transact(() =>
      getRecordsMap(cidBoard.doc).set(CID_RECORD, recordToYMap(testUserRecord(cid.userId, { name: 'Cid' })))
    )
    await eventually(() => Object.keys(shapesOf(olgaBoard.doc)).length === 0, 10_000, 'the deletion to reach Olga')
    const head = await untilLogHas(d, roomId, before + 2)
    const deleted = before + 1
    expect(shapeCount((await boardAt(d.storage, roomId, deleted))!.store)).toBe(0)

    // Only the owner and interviewers restore; bad positions say what is wrong.
    expect(await restoreAs(cid, roomId, { seq: before })).toMatchObject({ status: 403 })
    expect(await restoreAs(obi, roomId, { seq: before })).toMatchObject({ status: 403 })
    expect(await restoreAs({ userId: 'guest:eve', name: 'Eve' }, roomId, { seq: before })).toMatchObject({
      status: 403,
    })
    vi.mocked(currentActor).mockResolvedValue(null)
    expect((await restoreRoute(new Request('http://x/'), { params: Promise.resolve({ roomId }) })).status).toBe(401)
    for (const bad of [{ seq: 0 }, { seq: 1.5 }, { seq: '3' }, {}, { seq: 3, extra: true }]) {
      expect(await restoreAs(olga, roomId, bad)).toMatchObject({ status: 400, body: { error: 'invalid request' } })
    }
    expect(await restoreAs(olga, roomId, { seq: head + 1 })).toEqual({
      status: 404,
      body: { error: `the board's log has no position ${head + 1}: it ends at ${head}` },
    })
    // Nothing of that was logged or changed.
    expect((await d.storage.readLog(roomId)).at(-1)?.seq).toBe(head)
    expect(Object.keys(shapesOf(cidBoard.doc))).toEqual([])

    // The owner restores the moment before the deletion.
    const restored = await restoreAs(olga, roomId, { seq: before })
    expect(restored).toMatchObject({ status: 200, body: { seq: before, created: 3, deleted: 0, skipped: [] } })

    // Both clients hold the board as it was, live: the shapes and Cid's move; Cid's user record stays.
    for (const board of [olgaBoard, cidBoard]) {
      await eventually(() => Object.keys(shapesOf(board.doc)).length === 3, 10_000, 'the restore to reach a client')
      expect(shapesOf(board.doc)).toEqual(drawn)
      expect(getRecordsMap(board.doc).get(CID_RECORD)?.get('name')).toBe('Cid')
      expect(readDocSchema(board.doc)).toEqual(schemaBefore)
    }

    // The log keeps both: Cid's deletion, then the restore under Olga's name, appended after it.
    const log = await d.storage.readLog(roomId)
    const after = log.filter((e) => e.seq > before)
    expect(after.map((e) => e.author)).toEqual([cid.userId, cid.userId, olga.userId])
    expect(shapeCount((await boardAt(d.storage, roomId, log.at(-1)!.seq))!.store)).toBe(3)

    // A co-interviewer may restore too; restoring the version the board already is changes and logs nothing.
    expect(await restoreAs(ivy, roomId, { seq: before })).toMatchObject({
      status: 200,
      body: { created: 0, updated: 0, deleted: 0 },
    })
    expect((await d.storage.readLog(roomId)).length).toBe(log.length)

    // Restoring the deletion's moment deletes again (a restore is undone by another restore), user records untouched.
    expect(await restoreAs(olga, roomId, { seq: deleted })).toMatchObject({ status: 200, body: { deleted: 3 } })
    await eventually(() => Object.keys(shapesOf(cidBoard.doc)).length === 0, 10_000, 'the second restore')
    expect(getRecordsMap(cidBoard.doc).get(CID_RECORD)).toBeDefined()
  })
})
