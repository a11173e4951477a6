/**
 * The hourly board quota through the route handlers, as the browser calls
 * them. A walk found "Duplicate" outside it: past the 20th new board an hour,
 * 30 duplicates of a 7.6 MB board all got 201 (189 MB of disk in 13 s, from
 * any member, observers included). A duplicate is a new board to store, so
 * it takes from the same quota.
 */
import { NextRequest } from 'next/server'
import { afterEach, expect, test, vi } from 'vitest'
import type { Actor } from '@/lib/access/actor'
import { currentActor } from '@/server/auth/session'
import * as roomsRoute from '@/app/api/rooms/route'
import * as duplicateRoute from '@/app/api/rooms/[roomId]/duplicate/route'
import { deploySessions, type SessionDeployment } from '../support/sessionDeployment'

vi.mock('@/server/auth/session', () => ({ currentActor: vi.fn() }))

const QUOTA_KEY = Symbol.for('mockboard.httpQuotas')
const olga = { userId: 'guest:olga', name: 'Olga' }
const obi = { userId: 'guest:obi', name: 'Obi' }

let deployment: SessionDeployment | null = null
afterEach(async () => {
  vi.unstubAllEnvs()
  delete (globalThis as Record<symbol, unknown>)[QUOTA_KEY]
  await deployment?.close()
  deployment = null
})

async function setUp(perHour: number) {
  vi.stubEnv('QUOTA_ROOMS_PER_USER_PER_HOUR', String(perHour))
  delete (globalThis as Record<symbol, unknown>)[QUOTA_KEY]
  const d = (deployment = await deploySessions('embedded'))
  d.installAppContext()
  const as = (actor: Actor) => vi.mocked(currentActor).mockResolvedValue(actor)
  const create = async (actor: Actor) => {
    as(actor)
    const request = new NextRequest('http://localhost/api/rooms', {
      method: 'POST',
      headers: { accept: 'application/json' },
    })
    return roomsRoute.POST(request)
  }
  const duplicate = async (actor: Actor, roomId: string) => {
    as(actor)
    const request = new Request(`http://localhost/api/rooms/${roomId}/duplicate`, { method: 'POST' })
    return duplicateRoute.POST(request, { params: Promise.resolve({ roomId }) })
  }
  return { d, create, duplicate }
}

test('duplicates and new boards share one hourly quota: past it both get 429 with Retry-After, and nothing is made', async () => {
  const { d, create, duplicate } = await setUp(3)
  const first = await create(olga)
  expect(first.status).toBe(201)
  const { roomId, invites } = (await first.json()) as { roomId: string; invites: Record<string, string> }
  await d.access.acceptInvite(invites.observer!, obi)

  expect((await duplicate(olga, roomId)).status).toBe(201)
  expect((await create(olga)).status).toBe(201)
  const overDuplicate = await duplicate(olga, roomId)
  expect(overDuplicate.status).toBe(429)
  expect(Number(overDuplicate.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(((await overDuplicate.json()) as { error: string }).error).toMatch(/too many boards/)
  expect((await create(olga)).status).toBe(429)
  expect((await d.access.listBoards(olga)).filter((b) => b.isOwner)).toHaveLength(3)

  // An observer's duplicates count against their own quota the same way.
  for (let i = 0; i < 3; i++) expect((await duplicate(obi, roomId)).status).toBe(201)
  expect((await duplicate(obi, roomId)).status).toBe(429)
})
