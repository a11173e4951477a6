import { afterEach, describe, expect, test } from 'vitest'
import { PLAN_45 } from '@/lib/session/sessionConfig'
import { deploySessions, type SessionDeployment } from '../support/sessionDeployment'
import { eventually, synced } from '../support/providers'
import { drawTestShape } from '../support/boardProbes'
import { ROOM_LOGS, roomLogKey } from '@/server/storage/roomLogKey'

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

  test('a deleted board leaves nothing behind, not even the cursors of the people who had it open', async () => {
    // The bug: the people's sockets closed, their rooms unloaded 2 s later and wrote their last cursor states
    // (and, before the snapshot rule, the whole board) back into the logs the deletion had just emptied.
    const d = (deployment = await deploySessions(mode))
    const { roomId } = await d.access.createRoom(olga)
    const board = d.open(roomId, olga.userId, 'interviewer', 'board')
    await synced(board.provider)
    drawTestShape(board.doc, 'shape:gone')
    board.provider.awareness.setLocalState({ u: 'olga', p: 'page', k: [10, 20] })
    const presenceLog = roomLogKey(roomId, 'presence')
    for (let i = 0; (await d.storage.readLog(presenceLog)).length === 0; i++) {
      if (i > 200) throw new Error('the cursor was never recorded')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    // Moving on while the deletion runs: these states are pending when the sockets close.
    board.provider.awareness.setLocalState({ u: 'olga', p: 'page', k: [30, 40] })
    await d.boards.delete(roomId, olga)
    await eventually(() => d.stacks.every((stack) => !stack.collab.rooms.has(roomId)), 10_000, 'rooms unloaded')
    // Anything the unloading rooms wrote has landed: the registry forgets a room after its last write.
    for (const log of ROOM_LOGS) {
      expect(await d.storage.loadRoom(roomLogKey(roomId, log)), log).toEqual({ snapshot: null, entries: [] })
    }
    expect(board.denied.reason).not.toBeNull()
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

    // A name at the limit, ending in an emoji, is cut before it, not through it (no broken character stored).
    await d.access.rename(roomId, olga, `${'a'.repeat(78)}🚀`)
    const long = await d.boards.duplicate(roomId, cid)
    expect((await d.boards.list(cid)).find((b) => b.roomId === long.roomId)?.name).toBe(`Copy of ${'a'.repeat(72)}`)
  })
})
