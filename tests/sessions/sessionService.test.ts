import { afterEach, describe, expect, test } from 'vitest'
import { Redis } from 'ioredis'
import type * as Y from 'yjs'
import { RoomAccess } from '@/server/access/RoomAccess'
import type { RoomDirectory } from '@/server/access/RoomDirectory'
import { SqliteRoomDirectory } from '@/server/access/SqliteRoomDirectory'
import { RedisRoomDirectory } from '@/server/access/RedisRoomDirectory'
import { openSqlite } from '@/server/storage/openSqlite'
import { SessionService } from '@/server/sessions/SessionService'
import type { SessionStore } from '@/server/sessions/SessionStore'
import { SqliteSessionStore } from '@/server/sessions/SqliteSessionStore'
import { RedisSessionStore } from '@/server/sessions/RedisSessionStore'
import { readSession } from '@/lib/session/sessionDoc'
import { computeTimer } from '@/lib/session/timer'
import { PLAN_45, type SessionConfig } from '@/lib/session/sessionConfig'
import { setFlag, setScore } from '@/lib/rubric/rubricSheet'
import { startInProcessCollab, tempDataDir, type InProcessCollab, type StorageTarget } from '../support/collabServers'
import { connectProvider, eventually, synced } from '../support/providers'
import { RedisServer } from '../support/redisServer'

const olga = { userId: 'guest:olga', name: 'Olga' }
const cid = { userId: 'guest:cid', name: 'Cid' }
const config: SessionConfig = { problemId: 'url-shortener', mode: 'pair', level: 'senior', plan: PLAN_45 }
const T0 = 1_900_000_000_000

/**
 * One deployment of each mode: embedded (one server, SQLite) and Redis (two
 * servers on one Redis; the session service runs on A, readers connect to B).
 * `restart()` replaces the servers on the same storage, as after a crash.
 */
async function deploy(mode: 'embedded' | 'redis') {
  const cleanups: (() => unknown)[] = []
  let target: StorageTarget
  let directory: RoomDirectory
  let store: SessionStore
  if (mode === 'embedded') {
    const data = tempDataDir()
    const db = openSqlite(data.dir)
    cleanups.push(data.remove, () => db.close())
    target = { dataDir: data.dir }
    directory = new SqliteRoomDirectory(db)
    store = new SqliteSessionStore(db)
  } else {
    const redis = await RedisServer.start()
    const client = new Redis(redis.url)
    cleanups.push(
      () => redis.destroy(),
      () => client.disconnect()
    )
    target = { redisUrl: redis.url }
    directory = new RedisRoomDirectory(client, 'mb:')
    store = new RedisSessionStore(client, 'mb:')
  }
  let clock = T0
  let servers: InProcessCollab[] = []
  let service!: SessionService
  const access = new RoomAccess(directory, () => undefined)
  const start = async () => {
    servers = [await startInProcessCollab(target)]
    if (mode === 'redis') servers.push(await startInProcessCollab(target))
    service = new SessionService({ rooms: servers[0]!.collab.rooms, access, store, now: () => clock })
  }
  await start()
  const providers: { destroy(): void }[] = []
  return {
    access,
    store,
    get service() {
      return service
    },
    /** Collab URL readers use (server B in Redis mode). */
    get readerUrl() {
      return servers.at(-1)!.url
    },
    advance: (ms: number) => (clock += ms),
    open(roomId: string, user: string, role: 'interviewer' | 'candidate', roomDoc: 'session' | 'private' | 'board') {
      const connection = connectProvider(servers.at(-1)!.url, roomId, { user, role, roomDoc })
      providers.push(connection)
      return connection
    },
    async restart() {
      for (const p of providers.splice(0)) p.destroy()
      await Promise.all(servers.map((s) => s.close()))
      await start()
    },
    async close() {
      for (const p of providers) p.destroy()
      await Promise.all(servers.map((s) => s.close()))
      for (const cleanup of cleanups.reverse()) await cleanup()
    },
  }
}

let deployment: Awaited<ReturnType<typeof deploy>> | null = null
afterEach(async () => {
  await deployment?.close()
  deployment = null
})

async function roomWithCandidate(d: NonNullable<typeof deployment>) {
  const { roomId, invites } = await d.access.createRoom(olga)
  await d.access.acceptInvite(invites.candidate, cid)
  return roomId
}

const sessionOf = (doc: Y.Doc) => readSession(doc)

describe.each(['embedded', 'redis'] as const)('sessions (%s)', (mode) => {
  test('the interviewer starts a session; everyone reads it live, stamped with server time', async () => {
    const d = (deployment = await deploy(mode))
    const roomId = await roomWithCandidate(d)
    const candidateView = d.open(roomId, cid.userId, 'candidate', 'session')
    await synced(candidateView.provider)

    await d.service.start(roomId, olga, config)
    await eventually(() => sessionOf(candidateView.doc) !== null, 10_000, 'the session to reach the candidate')
    expect(sessionOf(candidateView.doc)).toMatchObject({ config, events: [{ type: 'start', at: T0 }] })

    d.advance(6 * 60_000)
    await d.service.control(roomId, olga, { type: 'next' })
    await eventually(() => sessionOf(candidateView.doc)!.events.length === 2)
    const view = computeTimer(PLAN_45, sessionOf(candidateView.doc)!.events, T0 + 7 * 60_000)
    expect(view).toMatchObject({ phaseIndex: 1, phaseRemainingMs: 4 * 60_000 })
    expect(view.phases[0]!.overrunMs).toBe(60_000)
  })

  test('only interviewers run the clock; nobody writes the session document over the wire', async () => {
    const d = (deployment = await deploy(mode))
    const roomId = await roomWithCandidate(d)
    await d.service.start(roomId, olga, config)
    await expect(d.service.control(roomId, cid, { type: 'pause' })).rejects.toMatchObject({ status: 403 })
    await expect(d.service.start(roomId, cid, config)).rejects.toMatchObject({ status: 403 })

    // A candidate (or even an interviewer) writing the session doc directly is dropped by the server.
    const sneaky = d.open(roomId, cid.userId, 'candidate', 'session')
    await synced(sneaky.provider)
    sneaky.doc.getMap('session').set('config', { ...config, mode: 'solo' })
    const witness = d.open(roomId, olga.userId, 'interviewer', 'session')
    await synced(witness.provider)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(sessionOf(witness.doc)?.config.mode).toBe('pair')
  })

  test('the rubric stays private until shared; then a read-only copy reaches the candidate', async () => {
    const d = (deployment = await deploy(mode))
    const roomId = await roomWithCandidate(d)
    await d.service.start(roomId, olga, config)
    const rubric = d.open(roomId, olga.userId, 'interviewer', 'private')
    await synced(rubric.provider)
    setScore(rubric.doc, 'requirements', 3)
    setFlag(rubric.doc, 'no-estimation', true)

    const candidateView = d.open(roomId, cid.userId, 'candidate', 'session')
    await synced(candidateView.provider)
    const interviewerScore = async () => (await d.service.view(roomId, olga)).rubric?.scores.requirements
    for (let i = 0; i < 100 && (await interviewerScore()) !== 3; i++) await new Promise((r) => setTimeout(r, 50))
    expect(await interviewerScore()).toBe(3)
    expect((await d.service.view(roomId, cid)).rubric).toBeNull()
    expect(sessionOf(candidateView.doc)!.sharedRubric).toBeNull()
    expect((await d.service.view(roomId, cid)).problem).not.toHaveProperty('hints')
    expect((await d.service.view(roomId, olga)).problem).toHaveProperty('hints')

    await d.service.shareRubric(roomId, olga)
    await eventually(() => sessionOf(candidateView.doc)!.sharedRubric !== null)
    expect(sessionOf(candidateView.doc)!.sharedRubric).toMatchObject({
      scores: { requirements: 3 },
      flags: ['no-estimation'],
    })
    expect((await d.store.get(roomId))?.scores).toEqual({ requirements: 3 })
  })

  test('the clock and the session record survive a restart of every server', async () => {
    const d = (deployment = await deploy(mode))
    const roomId = await roomWithCandidate(d)
    await d.service.start(roomId, olga, config)
    d.advance(60_000)
    await d.service.control(roomId, olga, { type: 'pause' })
    await d.restart()

    const reader = d.open(roomId, cid.userId, 'candidate', 'session')
    await synced(reader.provider)
    expect(sessionOf(reader.doc)!.events.map((e) => e.type)).toEqual(['start', 'pause'])
    expect(await d.store.get(roomId)).toMatchObject({ title: 'URL shortener', candidateId: cid.userId })
    expect((await d.store.listForUser(cid.userId)).map((r) => r.roomId)).toEqual([roomId])
    // Scores are not shared yet, so the candidate's history does not show them.
    expect((await d.service.listForUser(cid))[0]).toMatchObject({ scores: {}, recommendation: null })
  })

  test('ending the session records when; the clock refuses anything after the end', async () => {
    const d = (deployment = await deploy(mode))
    const roomId = await roomWithCandidate(d)
    await d.service.start(roomId, olga, config)
    d.advance(30 * 60_000)
    await d.service.control(roomId, olga, { type: 'end' })
    expect((await d.store.get(roomId))?.endedAt).toBe(T0 + 30 * 60_000)
    await expect(d.service.control(roomId, olga, { type: 'resume' })).rejects.toMatchObject({ status: 409 })
  })
})
