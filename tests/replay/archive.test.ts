/**
 * The PostgreSQL cold tier (Redis + `DATABASE_URL`): 200 finished sessions'
 * logs are archived to PostgreSQL and trimmed from Redis; Redis memory falls
 * back to its baseline; every replay and summary reads the same before and
 * after; and an archived room opens, takes a new edit, and keeps it across a
 * restart. Real `redis-server` and PostgreSQL 15 on loopback.
 */
import { afterAll, expect, test } from 'vitest'
import { PLAN_45 } from '@/lib/session/sessionConfig'
import { connectRedis } from '@/server/redis/redisConnection'
import { roomLogKey } from '@/server/storage/roomLogKey'
import { synced } from '../support/providers'
import { probes } from '../support/boardProbes'
import { deploySessions, type SessionDeployment } from '../support/sessionDeployment'
import { sharedPostgres, stopSharedPostgres } from '../support/postgres'

const olga = { userId: 'guest:olga', name: 'Olga' }
const SESSIONS = 200
/** Sessions prepared at once (each with its own client on server B). */
const AT_ONCE = 10
const IDLE_MS = 60_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

afterAll(stopSharedPostgres)

/** Polls an async check until it holds (or fails after 20 s). */
async function until(check: () => Promise<boolean>, what: string) {
  for (const start = Date.now(); !(await check()); await sleep(20)) {
    if (Date.now() - start > 20_000) throw new Error(`timed out waiting for ${what}`)
  }
}

/** Every entry of a log through the replay API (small chunks: pages cross from PostgreSQL into Redis). */
async function readAll(d: SessionDeployment, roomId: string, stream: 'board' | 'presence') {
  const entries = []
  for (let after = 0; ;) {
    const chunk = await d.replay.log(roomId, olga, stream, after, 13, null)
    entries.push(...chunk.entries)
    if (chunk.done) return entries
    after = chunk.entries.at(-1)!.seq
  }
}

/** What a member reads of a finished session: its summary (record, sheets, the board it left) and its replay. */
async function readSession(d: SessionDeployment, roomId: string, sessionId: string) {
  const view = await d.sessions.view(roomId, olga, sessionId)
  return {
    summary: { view, board: await d.boards.snapshot(roomId, olga, view.session!.boardSeqEnd) },
    replay: {
      manifest: await d.replay.manifest(roomId, olga, sessionId),
      board: await readAll(d, roomId, 'board'),
      presence: await readAll(d, roomId, 'presence'),
    },
  }
}

/** One finished session: a client draws 12 edits and moves its cursor, then the interviewer ends it. */
async function playSession(d: SessionDeployment, i: number) {
  const { roomId } = await d.access.createRoom(olga)
  const { sessionId } = await d.sessions.start(roomId, olga, {
    problemId: 'url-shortener',
    mode: 'pair',
    level: 'senior',
    plan: PLAN_45,
  })
  const client = d.open(roomId, olga.userId, 'interviewer', 'board')
  await synced(client.provider)
  const before = (await d.storage.readLog(roomId)).length
  const notes = probes(client.doc, 'work')
  for (let edit = 0; edit < 12; edit++) {
    notes.set(`box${edit % 5}`, `session ${i}, edit ${edit}: ${'x'.repeat(40)}`)
    client.provider.awareness.setLocalState({ u: 'olga', p: 'page', k: [edit * 10, i] })
    await sleep(5)
  }
  await until(async () => (await d.storage.readLog(roomId)).length === before + 12, `session ${i}'s edits`)
  await until(async () => (await d.storage.readLog(roomLogKey(roomId, 'presence'))).length > 0, 'its cursor')
  await d.sessions.control(roomId, olga, { type: 'end' })
  client.destroy()
  return { roomId, sessionId }
}

async function usedMemory(url: string): Promise<number> {
  const client = connectRedis({ url, prefix: '' })
  try {
    const info = await client.info('memory')
    return Number(/used_memory:(\d+)/.exec(info)![1])
  } finally {
    client.disconnect()
  }
}

test(`${SESSIONS} finished sessions move to PostgreSQL: Redis memory back to baseline, replays and summaries unchanged, archived rooms still editable`, async () => {
  const databaseUrl = await (await sharedPostgres()).createDatabase()
  const d = await deploySessions(
    'redis',
    Date.now(),
    {},
    { DATABASE_URL: databaseUrl, ARCHIVE_IDLE_MS: String(IDLE_MS) }
  )
  try {
    const redisUrl = d.redis!.url!
    const [a, b] = d.stacks.map((stack) => stack.postgres!.archiver!)
    // Warm up: Redis allocates once per command name it first runs (its latency histograms), so the
    // baseline is taken after one session went through every step, archiving included.
    await playSession(d, -1)
    await b!.flush()
    await a!.runOnce(Date.now() + IDLE_MS)
    const baseline = await usedMemory(redisUrl)
    const started = Date.now()

    const sessions: { roomId: string; sessionId: string }[] = []
    for (let i = 0; i < SESSIONS; i += AT_ONCE) {
      const batch = Array.from({ length: Math.min(AT_ONCE, SESSIONS - i) }, (_, k) => playSession(d, i + k))
      sessions.push(...(await Promise.all(batch)))
    }
    const before = await Promise.all(sessions.map((s) => readSession(d, s.roomId, s.sessionId)))
    const loaded = await usedMemory(redisUrl)
    const played = Date.now()

    // Every server queues the logs it wrote; the archive pass runs as if ARCHIVE_IDLE_MS had gone by.
    await b!.flush()
    // Nothing is idle yet: nothing moves.
    expect(await a!.runOnce()).toBe(0)
    const archived = await a!.runOnce(Date.now() + IDLE_MS)
    const after = await usedMemory(redisUrl)
    const perSessionBefore = (loaded - baseline) / SESSIONS
    const perSessionAfter = (after - baseline) / SESSIONS
    console.log(
      `Redis used_memory: baseline ${baseline} B, ${SESSIONS} sessions ${loaded} B (${Math.round(perSessionBefore)} B each), ` +
        `archived ${after} B (${Math.round(perSessionAfter)} B each left: the logs' counters and archive markers); ` +
        `${archived} logs archived in ${Date.now() - played} ms (sessions played in ${played - started} ms)`
    )
    // Board, session and presence log of every room.
    expect(archived).toBeGreaterThanOrEqual(3 * SESSIONS)
    expect(after - baseline).toBeLessThan((loaded - baseline) / 10)

    // Identical reads, now served from PostgreSQL.
    const afterArchive = await Promise.all(sessions.map((s) => readSession(d, s.roomId, s.sessionId)))
    for (let i = 0; i < SESSIONS; i++) expect(afterArchive[i], `session ${i}`).toEqual(before[i])

    // An archived room opens with its drawing, takes an edit, and numbering goes on.
    const { roomId } = sessions[17]!
    const lastSeq = before[17]!.replay.board.at(-1)!.seq
    const client = d.open(roomId, olga.userId, 'interviewer', 'board')
    await synced(client.provider)
    expect(probes(client.doc, 'work').get('box1')).toBe('session 17, edit 11: ' + 'x'.repeat(40))
    probes(client.doc, 'work').set('after', 'written to a cold room')
    await until(async () => (await readAll(d, roomId, 'board')).length === lastSeq + 1, 'the new edit in the log')
    expect((await readAll(d, roomId, 'board')).at(-1)!.seq).toBe(lastSeq + 1)
    // Durable: after every server restarts (and the room is archived again), the board still has it.
    await d.restart()
    await d.stacks[0]!.postgres!.archiver!.runOnce(Date.now() + IDLE_MS)
    await d.untilOnBoard(roomId, olga, 'page:work.after')
    expect((await readAll(d, roomId, 'board')).slice(0, lastSeq)).toEqual(before[17]!.replay.board)
  } finally {
    await d.close()
  }
}, 180_000)
