import { afterAll, afterEach, describe, expect, test } from 'vitest'
import { EMPTY_SHEET } from '@/lib/rubric/rubricSheet'
import type { SheetRecord } from '@/lib/rubric/sheetRecord'
import { PLAN_45 } from '@/lib/session/sessionConfig'
import { DEFAULT_SESSION_SETTINGS, type SessionRecord } from '@/lib/session/sessionRecord'
import pino from 'pino'
import type { SessionStore } from '@/server/sessions/SessionStore'
import { openPostgres, migratePostgres } from '@/server/postgres/openPostgres'
import { PostgresSessionStore } from '@/server/postgres/PostgresSessionStore'
import { COLLAB_MODES_WITH_CLUSTER, stopSharedRedisCluster } from '../support/collabModes'
import { deploySessions } from '../support/sessionDeployment'
import { sharedPostgres, stopSharedPostgres } from '../support/postgres'

/**
 * The session store's contract: every implementation (SQLite embedded, Redis
 * at scale, PostgreSQL with `DATABASE_URL`) passes the same suite, each test
 * on empty storage.
 */
let opened: { store: SessionStore; close(): Promise<void> } | null = null
afterEach(async () => {
  await opened?.close()
  opened = null
})

/** Opens the store of `name` on empty storage: a deployment's, or one on a fresh PostgreSQL database. */
async function openStore(name: (typeof STORES)[number]): Promise<SessionStore> {
  if (name === 'postgres') {
    const logger = pino({ level: 'silent' })
    const pool = openPostgres(await (await sharedPostgres()).createDatabase(), logger)
    await migratePostgres(pool, logger)
    opened = { store: new PostgresSessionStore(pool), close: () => pool.end() }
  } else {
    opened = await deploySessions(name)
  }
  return opened.store
}
const STORES = [...COLLAB_MODES_WITH_CLUSTER, 'postgres'] as const

const T0 = 1_900_000_000_000

function session(roomId: string, sessionId: string, startedAt: number, users: string[]): SessionRecord {
  return {
    sessionId,
    roomId,
    title: 'URL shortener',
    problemId: 'url-shortener',
    customPrompt: null,
    mode: 'pair',
    level: 'senior',
    plan: PLAN_45,
    settings: DEFAULT_SESSION_SETTINGS,
    revealed: [],
    startedAt,
    endedAt: null,
    startedBy: users[0]!,
    events: [{ type: 'start', at: startedAt }],
    participants: users.map((userId) => ({ userId, name: userId, roles: ['interviewer'] })),
    boardSeqStart: 0,
    boardSeqEnd: null,
  }
}

function sheet(sessionId: string, authorId: string, score: number): SheetRecord {
  return {
    sessionId,
    authorId,
    authorName: authorId,
    sheet: { ...EMPTY_SHEET, scores: { requirements: score } },
    shared: null,
    openToInterviewers: false,
    submittedAt: null,
    updatedAt: T0,
  }
}

afterAll(async () => {
  await stopSharedRedisCluster()
  await stopSharedPostgres()
})

describe.each(STORES)('session store contract (%s)', (mode) => {
  test('sessions: put, get, replace, list by room and by participant, newest first', async () => {
    const store = await openStore(mode)
    await store.putSession(session('room-aaaa', 'sess-0001', T0, ['u:a', 'u:b']))
    await store.putSession(session('room-aaaa', 'sess-0002', T0 + 10, ['u:a']))
    await store.putSession(session('room-bbbb', 'sess-0003', T0 + 5, ['u:b']))
    expect(await store.getSession('room-aaaa', 'sess-0001')).toMatchObject({ startedAt: T0 })
    expect(await store.getSession('room-bbbb', 'sess-0001')).toBeNull()
    expect((await store.listRoomSessions('room-aaaa')).map((s) => s.sessionId)).toEqual(['sess-0002', 'sess-0001'])
    expect((await store.listRoomSessions('room-aaaa', 1)).map((s) => s.sessionId)).toEqual(['sess-0002'])
    expect((await store.listUserSessions('u:b')).map((s) => s.sessionId)).toEqual(['sess-0003', 'sess-0001'])

    // Replacing a record re-indexes its participants.
    await store.putSession(session('room-aaaa', 'sess-0001', T0, ['u:a']))
    expect((await store.listUserSessions('u:b')).map((s) => s.sessionId)).toEqual(['sess-0003'])
  })

  test('sheets: one per session and author; listed per session', async () => {
    const store = await openStore(mode)
    await store.putSheet('room-aaaa', sheet('sess-0001', 'u:a', 2))
    await store.putSheet('room-aaaa', sheet('sess-0001', 'u:a', 3))
    await store.putSheet('room-aaaa', sheet('sess-0001', 'u:c', 4))
    await store.putSheet('room-aaaa', sheet('sess-0002', 'u:a', 1))
    expect((await store.getSheet('room-aaaa', 'sess-0001', 'u:a'))?.sheet.scores).toEqual({ requirements: 3 })
    expect(await store.getSheet('room-aaaa', 'sess-0001', 'u:b')).toBeNull()
    const listed = await store.listSheets('room-aaaa', 'sess-0001')
    expect(listed.map((s) => s.authorId).sort()).toEqual(['u:a', 'u:c'])
  })

  test('refuses records that do not validate, and stores nothing of them', async () => {
    const store = await openStore(mode)
    const bad = { ...session('room-aaaa', 'sess-0001', T0, ['u:a']), level: 'wizard' } as unknown as SessionRecord
    await expect(store.putSession(bad)).rejects.toThrow()
    expect(await store.getSession('room-aaaa', 'sess-0001')).toBeNull()
    const badSheet = { ...sheet('sess-0001', 'u:a', 2), sheet: { ...EMPTY_SHEET, scores: { requirements: 9 } } }
    await expect(store.putSheet('room-aaaa', badSheet)).rejects.toThrow()
  })

  test('deleting a room removes its sessions, sheets and index entries only', async () => {
    const store = await openStore(mode)
    await store.putSession(session('room-aaaa', 'sess-0001', T0, ['u:a']))
    await store.putSession(session('room-bbbb', 'sess-0002', T0, ['u:a']))
    await store.putSheet('room-aaaa', sheet('sess-0001', 'u:a', 2))
    await store.deleteRoom('room-aaaa')
    expect(await store.listRoomSessions('room-aaaa')).toEqual([])
    expect(await store.listSheets('room-aaaa', 'sess-0001')).toEqual([])
    expect((await store.listUserSessions('u:a')).map((s) => s.sessionId)).toEqual(['sess-0002'])
  })

  test('deleting one session removes it from the board and from each history, and keeps the others', async () => {
    const store = await openStore(mode)
    await store.putSession(session('room-aaaa', 'sess-0001', T0, ['u:a', 'u:b']))
    await store.putSession(session('room-aaaa', 'sess-0002', T0 + 1000, ['u:a']))
    await store.putSheet('room-aaaa', sheet('sess-0001', 'u:a', 2))
    await store.putSheet('room-aaaa', sheet('sess-0002', 'u:a', 3))
    await store.deleteSession('room-aaaa', 'sess-0001')
    expect(await store.getSession('room-aaaa', 'sess-0001')).toBeNull()
    expect(await store.listSheets('room-aaaa', 'sess-0001')).toEqual([])
    expect((await store.listRoomSessions('room-aaaa')).map((s) => s.sessionId)).toEqual(['sess-0002'])
    expect((await store.listUserSessions('u:a')).map((s) => s.sessionId)).toEqual(['sess-0002'])
    expect(await store.listUserSessions('u:b')).toEqual([])
    expect((await store.listSheets('room-aaaa', 'sess-0002')).map((s) => s.authorId)).toEqual(['u:a'])
  })
})
