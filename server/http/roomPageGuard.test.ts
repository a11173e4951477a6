/**
 * The one guard of the room pages (board, summary, replay) decides each case
 * as the pages did before it: a malformed id is a 404, nobody signed in goes
 * to sign-in and back, a member gets in with their role, a missing board and
 * someone who is not (or no longer) a member get their own closed page.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { Actor } from '@/lib/access/actor'
import { roomPageParamsSchema, sessionPageParamsSchema } from '@/lib/room/roomPageParams'
import { RoomAccess } from '../access/RoomAccess'
import { SqliteRoomDirectory } from '../access/SqliteRoomDirectory'
import { setAppContext, type AppContext } from '../appContext'
import { openSqlite } from '../storage/openSqlite'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { guardRoomPage } from './roomPageGuard'

let viewer: Actor | null = null
vi.mock('../auth/session', () => ({ currentActor: async () => viewer }))

const olga = { userId: 'guest:olga', name: 'Olga' }
const cid = { userId: 'guest:cid', name: 'Cid' }
const replayPath = ({ roomId }: { roomId: string }) => `/r/${roomId}/replay`
let access: RoomAccess
let cleanup: () => void

beforeEach(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-guard-'))
  const db = openSqlite(dir)
  access = new RoomAccess(new SqliteRoomDirectory(db), () => undefined)
  setAppContext({ access } as unknown as AppContext)
  cleanup = () => (db.close(), rmSync(dir, { recursive: true, force: true }))
})
afterEach(() => {
  viewer = null
  cleanup()
})

/** What Next's `notFound()` or `redirect()` threw, by its digest. */
async function thrown(run: Promise<unknown>): Promise<string> {
  const error: unknown = await run.then(
    () => null,
    (e: unknown) => e
  )
  return String((error as { digest?: string } | null)?.digest)
}

describe('guardRoomPage', () => {
  test('a malformed room or session id is a 404', async () => {
    viewer = olga
    expect(await thrown(guardRoomPage({ roomId: 'x/y' }, roomPageParamsSchema, replayPath))).toMatch(/404/)
    const { roomId } = await access.createRoom(olga)
    expect(await thrown(guardRoomPage({ roomId, sessionId: '' }, sessionPageParamsSchema, replayPath))).toMatch(/404/)
  })

  test('nobody signed in goes to sign-in, back to the page afterwards', async () => {
    const { roomId } = await access.createRoom(olga)
    const digest = await thrown(guardRoomPage({ roomId }, roomPageParamsSchema, replayPath))
    expect(digest).toMatch(/^NEXT_REDIRECT/)
    expect(digest).toContain(`/signin?callbackUrl=${encodeURIComponent(`/r/${roomId}/replay`)}`)
  })

  test('a member gets in with their role now', async () => {
    const { roomId, invites } = await access.createRoom(olga)
    await access.acceptInvite(invites.candidate, cid)
    viewer = cid
    expect(await guardRoomPage({ roomId }, roomPageParamsSchema, replayPath)).toEqual({
      open: true,
      params: { roomId },
      actor: cid,
      role: 'candidate',
    })
  })

  test('a board that does not exist (or was deleted) is missing', async () => {
    viewer = olga
    const missing = await guardRoomPage({ roomId: 'no-such-board-0000' }, roomPageParamsSchema, replayPath)
    expect(missing).toMatchObject({ open: false, reason: 'missing' })
    const { roomId } = await access.createRoom(olga)
    await access.deleteRoom(roomId, olga)
    expect(await guardRoomPage({ roomId }, roomPageParamsSchema, replayPath)).toMatchObject({
      open: false,
      reason: 'missing',
    })
  })

  test('someone never invited, holding a revoked invite, or removed is not a member', async () => {
    const { roomId, invites } = await access.createRoom(olga)
    viewer = cid
    expect(await guardRoomPage({ roomId }, roomPageParamsSchema, replayPath)).toMatchObject({
      open: false,
      reason: 'not-member',
    })
    await access.rotateInvite(roomId, olga, 'candidate')
    await expect(access.acceptInvite(invites.candidate, cid)).rejects.toThrow()
    expect(await guardRoomPage({ roomId }, roomPageParamsSchema, replayPath)).toMatchObject({
      open: false,
      reason: 'not-member',
    })
    const { invites: current } = await access.view(roomId, olga)
    await access.acceptInvite(current!.candidate, cid)
    expect(await guardRoomPage({ roomId }, roomPageParamsSchema, replayPath)).toMatchObject({ open: true })
    await access.removeMember(roomId, olga, cid.userId)
    expect(await guardRoomPage({ roomId }, roomPageParamsSchema, replayPath)).toMatchObject({
      open: false,
      actor: cid,
      reason: 'not-member',
    })
  })
})
