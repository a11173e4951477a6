import { afterEach, describe, expect, test } from 'vitest'
import { PLAN_45 } from '@/lib/session/sessionConfig'
import { deploySessions, type SessionDeployment } from '../support/sessionDeployment'
import { synced } from '../support/providers'
import { drawTestShape } from '../support/boardProbes'
import { roomLogKey } from '@/server/storage/roomLogKey'

/** Boards as places: listed for their members, renamed, duplicated and deleted by their owner. */
let deployment: SessionDeployment | null = null
afterEach(async () => {
  await deployment?.close()
  deployment = null
})

const olga = { userId: 'guest:olga', name: 'Olga' }
const cid = { userId: 'guest:cid', name: 'Cid' }

describe.each(['embedded', 'redis'] as const)('boards (%s)', (mode) => {
  test('My boards lists what I own or joined; only the owner renames or deletes; deleting removes everything', async () => {
    const d = (deployment = await deploySessions(mode))
    const { roomId, invites } = await d.access.createRoom(olga, 'System design practice')
    await d.access.acceptInvite(invites.candidate, cid)
    expect((await d.boards.list(olga)).map((b) => [b.name, b.isOwner, b.role])).toEqual([
      ['System design practice', true, 'interviewer'],
    ])
    expect((await d.boards.list(cid)).map((b) => [b.roomId, b.isOwner, b.role])).toEqual([[roomId, false, 'candidate']])

    await expect(d.access.rename(roomId, cid, 'Mine now')).rejects.toMatchObject({ status: 403 })
    await d.access.rename(roomId, olga, 'URL shortener mocks')
    expect((await d.boards.list(cid))[0]?.name).toBe('URL shortener mocks')

    const { sessionId } = await d.sessions.start(roomId, olga, {
      problemId: 'url-shortener',
      mode: 'pair',
      level: 'senior',
      plan: PLAN_45,
    })
    await d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'requirements', score: 3 })
    await expect(d.boards.delete(roomId, cid)).rejects.toMatchObject({ status: 403 })
    await d.boards.delete(roomId, olga)
    expect(await d.boards.list(olga)).toEqual([])
    expect(await d.boards.list(cid)).toEqual([])
    await expect(d.sessions.view(roomId, olga)).rejects.toMatchObject({ status: 404 })
    expect(await d.store.listRoomSessions(roomId)).toEqual([])
    expect(await d.storage.readLog(roomLogKey(roomId, 'session'))).toEqual([])
    expect(await d.sessions.listForUser(cid)).toEqual([])
    // The old invite opens nothing.
    await expect(d.access.acceptInvite(invites.candidate, { userId: 'guest:eve', name: 'Eve' })).rejects.toMatchObject({
      status: 404,
    })
  })

  test('duplicating a board gives me a new board of my own with its drawing', async () => {
    const d = (deployment = await deploySessions(mode))
    const { roomId, invites } = await d.access.createRoom(olga)
    await d.access.acceptInvite(invites.candidate, cid)
    const board = d.open(roomId, cid.userId, 'candidate', 'board')
    await synced(board.provider)
    drawTestShape(board.doc, 'shape:lb')
    await d.untilOnBoard(roomId, olga, 'shape:lb')

    const copy = await d.boards.duplicate(roomId, cid)
    expect(copy.roomId).not.toBe(roomId)
    const mine = await d.boards.list(cid)
    expect(mine.find((b) => b.roomId === copy.roomId)).toMatchObject({ isOwner: true, name: 'Copy of Untitled board' })
    expect((await d.boards.snapshot(copy.roomId, cid, null))?.store['shape:lb']).toBeDefined()
    // The copy is Cid's alone.
    await expect(d.boards.snapshot(copy.roomId, olga, null)).rejects.toMatchObject({ status: 403 })
  })
})
