import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { connectRedis, redisConfig } from '@/server/redis/redisConnection'
import { RoomAccess } from '@/server/access/RoomAccess'
import { RoomRequestError } from '@/server/access/RoomRequestError'
import { INVITE_ROLES, type RoomDirectory } from '@/server/access/RoomDirectory'
import { SqliteRoomDirectory } from '@/server/access/SqliteRoomDirectory'
import { RedisRoomDirectory } from '@/server/access/RedisRoomDirectory'
import { openSqlite } from '@/server/storage/openSqlite'
import { tempDataDir } from '../support/collabServers'
import { RedisServer } from '../support/redisServer'
import { sharedPostgres, stopSharedPostgres } from '../support/postgres'
import { openPostgres, migratePostgres } from '@/server/postgres/openPostgres'
import { PostgresRoomDirectory } from '@/server/postgres/PostgresRoomDirectory'
import pino from 'pino'
import type pg from 'pg'

const owner = { userId: 'guest:owner', name: 'Olga' }
const bob = { userId: 'guest:bob', name: 'Bob' }
const carol = { userId: 'guest:carol', name: 'Carol' }

let redis: RedisServer
let pool: pg.Pool
const closers: (() => unknown)[] = []
beforeAll(async () => {
  redis = await RedisServer.start()
  // One database for the file: every test makes rooms of its own (random ids).
  const logger = pino({ level: 'silent' })
  pool = openPostgres(await (await sharedPostgres()).createDatabase(), logger)
  await migratePostgres(pool, logger)
})
afterAll(async () => {
  for (const close of closers) await close()
  await pool.end()
  await redis.destroy()
  await stopSharedPostgres()
})

const directories: [string, () => RoomDirectory][] = [
  [
    'sqlite',
    () => {
      const data = tempDataDir()
      const db = openSqlite(data.dir)
      closers.push(() => db.close(), data.remove)
      return new SqliteRoomDirectory(db)
    },
  ],
  [
    'redis',
    () => {
      const config = redisConfig(redis.url, `t${Math.random().toString(36).slice(2)}:`)
      const client = connectRedis(config)
      closers.push(() => client.disconnect())
      return new RedisRoomDirectory(client, config.prefix)
    },
  ],
  ['postgres', () => new PostgresRoomDirectory(pool)],
]

describe.each(directories)('RoomAccess over the %s directory', (_name, makeDirectory) => {
  function setup() {
    const changed: string[] = []
    const access = new RoomAccess(makeDirectory(), (roomId, userId) => void changed.push(`${roomId}:${userId}`))
    return { access, changed }
  }

  test('the creator owns the room as interviewer and gets one invite per role', async () => {
    const { access } = setup()
    const { roomId, invites } = await access.createRoom(owner)
    expect(roomId).toMatch(/^[\w-]{22}$/)
    expect(Object.keys(invites).sort()).toEqual(['candidate', 'interviewer', 'observer'])
    expect(await access.roleOf(roomId, owner.userId)).toBe('interviewer')
    const view = await access.view(roomId, owner)
    expect(view.isOwner).toBe(true)
    expect(view.invites).toEqual(invites)
  })

  test('an invite joins with its role; a member keeps their role when opening another link', async () => {
    const { access } = setup()
    const { roomId, invites } = await access.createRoom(owner)
    expect(await access.acceptInvite(invites.observer, bob)).toEqual({ roomId, role: 'observer' })
    expect(await access.acceptInvite(invites.interviewer, bob)).toEqual({ roomId, role: 'observer' })
    expect((await access.view(roomId, bob)).invites).toBeNull() // observers see no invite links
  })

  test("a board's name (its page's title) is told to members only", async () => {
    const { access } = setup()
    const { roomId, invites } = await access.createRoom(owner)
    await access.acceptInvite(invites.candidate, bob)
    const name = (await access.view(roomId, owner)).name
    expect(await access.nameFor(roomId, bob.userId)).toBe(name)
    expect(await access.nameFor(roomId, carol.userId)).toBeNull()
    expect(await access.nameFor('no-such-room-0000', owner.userId)).toBeNull()
  })

  test('a revoked invite stops working and its replacement works', async () => {
    const { access } = setup()
    const { roomId, invites } = await access.createRoom(owner)
    const fresh = await access.rotateInvite(roomId, owner, 'candidate')
    await expect(access.acceptInvite(invites.candidate, bob)).rejects.toMatchObject({ status: 404 })
    expect(await access.acceptInvite(fresh, bob)).toEqual({ roomId, role: 'candidate' })
  })

  test('the owner swaps interviewer and candidate; both are told to reconnect', async () => {
    const { access, changed } = setup()
    const { roomId, invites } = await access.createRoom(owner)
    await expect(access.swapRoles(roomId, owner)).rejects.toMatchObject({ status: 409 })
    await access.acceptInvite(invites.candidate, bob)
    await access.swapRoles(roomId, owner)
    expect(await access.roleOf(roomId, owner.userId)).toBe('candidate')
    expect(await access.roleOf(roomId, bob.userId)).toBe('interviewer')
    expect(changed.sort()).toEqual([`${roomId}:${bob.userId}`, `${roomId}:${owner.userId}`])
    await access.swapRoles(roomId, owner) // and back
    expect(await access.roleOf(roomId, owner.userId)).toBe('interviewer')
    await expect(access.swapRoles(roomId, bob)).rejects.toMatchObject({ status: 403 })
  })

  test('only interviewers change roles or remove members; a removed member loses access at once', async () => {
    const { access, changed } = setup()
    const { roomId, invites } = await access.createRoom(owner)
    await access.acceptInvite(invites.candidate, bob)
    await access.acceptInvite(invites.observer, carol)
    await expect(access.setRole(roomId, bob, carol.userId, 'interviewer')).rejects.toBeInstanceOf(RoomRequestError)
    await expect(access.removeMember(roomId, carol, owner.userId)).rejects.toMatchObject({ status: 403 })
    await access.setRole(roomId, owner, carol.userId, 'candidate')
    expect(await access.roleOf(roomId, carol.userId)).toBe('candidate')
    await access.removeMember(roomId, owner, bob.userId)
    expect(await access.roleOf(roomId, bob.userId)).toBeNull()
    expect(changed).toContain(`${roomId}:${bob.userId}`)
    await expect(access.view(roomId, bob)).rejects.toMatchObject({ status: 403 })
    await expect(access.removeMember(roomId, owner, owner.userId)).rejects.toMatchObject({ status: 403 })
  })

  test('a removed member cannot walk back in with the link they joined with, under any name', async () => {
    // The bug: links are per role, so the removed candidate opened the candidate link again and was back on the board.
    const { access } = setup()
    const { roomId, invites } = await access.createRoom(owner)
    await access.acceptInvite(invites.observer, bob)
    await access.setRole(roomId, owner, bob.userId, 'candidate') // joined by the observer link, candidate now
    await access.removeMember(roomId, owner, bob.userId)
    for (const role of INVITE_ROLES) {
      await expect(access.acceptInvite(invites[role], bob)).rejects.toMatchObject({ status: 404 })
      await expect(access.acceptInvite(invites[role], { userId: 'guest:bob2', name: 'Bob' })).rejects.toMatchObject({
        status: 404,
      })
    }
    expect(await access.roleOf(roomId, bob.userId)).toBeNull()
    // The owner's new links work for whoever they send them to.
    const fresh = (await access.view(roomId, owner)).invites!
    expect(await access.acceptInvite(fresh.candidate, carol)).toEqual({ roomId, role: 'candidate' })
  })
})
