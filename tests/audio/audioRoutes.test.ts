/**
 * The recording API through its route handlers (as the browser calls it):
 * who may turn recording on, answer, upload and hear; what a bad upload gets;
 * that retried and concurrent uploads lose and duplicate nothing; that
 * deleting the board deletes the audio. Three deployments: embedded
 * (SQLite, recordings as files), Redis (two servers, recordings as files in
 * the `AUDIO_DIR` they share), and Redis with `DATABASE_URL` (two servers,
 * sessions and recordings in PostgreSQL, nothing in `AUDIO_DIR`).
 */
import { readdirSync } from 'node:fs'
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { Actor } from '@/lib/access/actor'
import { readSession } from '@/lib/session/sessionDoc'
import { PLAN_45, type SessionConfig } from '@/lib/session/sessionConfig'
import { currentActor } from '@/server/auth/session'
import * as audioRoute from '@/app/api/rooms/[roomId]/sessions/[sessionId]/audio/route'
import * as consentRoute from '@/app/api/rooms/[roomId]/sessions/[sessionId]/audio/consent/route'
import * as recordingRoute from '@/app/api/rooms/[roomId]/sessions/[sessionId]/audio/recording/route'
import * as segmentRoute from '@/app/api/rooms/[roomId]/sessions/[sessionId]/audio/segment/route'
import * as shareRoute from '@/app/api/rooms/[roomId]/sessions/[sessionId]/audio/share/route'
import * as sessionRoute from '@/app/api/rooms/[roomId]/sessions/[sessionId]/route'
import type { AudioManifest } from '@/lib/audio/audioSchemas'
import { deploySessions, type SessionDeployment } from '../support/sessionDeployment'
import { eventually, synced } from '../support/providers'
import { sharedPostgres, stopSharedPostgres } from '../support/postgres'

vi.mock('@/server/auth/session', () => ({ currentActor: vi.fn() }))

const olga = { userId: 'guest:olga', name: 'Olga' } // owner, interviewer
const cid = { userId: 'guest:cid', name: 'Cid' } // candidate
const obi = { userId: 'guest:obi', name: 'Obi' } // observer
const sam = { userId: 'guest:sam', name: 'Sam' } // a stranger
const config: SessionConfig = { problemId: 'url-shortener', mode: 'pair', level: 'senior', plan: PLAN_45 }
const SEGMENT = 'segment-olga-1'

/** A chunk's bytes: the first of a segment starts with WebM's EBML magic number. */
function chunkBytes(seq: number, size = 64): Uint8Array {
  const bytes = new Uint8Array(size).fill(seq + 1)
  if (seq === 0) bytes.set([0x1a, 0x45, 0xdf, 0xa3])
  return bytes
}

let deployment: SessionDeployment | null = null
beforeEach(() => vi.mocked(currentActor).mockReset())
afterEach(async () => {
  await deployment?.close()
  deployment = null
})

afterAll(stopSharedPostgres)

/** The deployments the API is tested on; `postgres` is Redis mode (two servers) with `DATABASE_URL`. */
const MODES = ['embedded', 'redis', 'postgres'] as const

async function setUp(mode: (typeof MODES)[number], limits = {}) {
  const env: Record<string, string> =
    mode === 'postgres' ? { DATABASE_URL: await (await sharedPostgres()).createDatabase() } : {}
  const d = (deployment = await deploySessions(mode === 'postgres' ? 'redis' : mode, 1_900_000_000_000, limits, env))
  d.installAppContext()
  const { roomId, invites } = await d.access.createRoom(olga)
  await d.access.acceptInvite(invites.candidate, cid)
  await d.access.acceptInvite(invites.observer, obi)
  const { sessionId } = await d.sessions.start(roomId, olga, config)
  const url = (rest = '') => `http://localhost/api/rooms/${roomId}/sessions/${sessionId}/audio${rest}`
  const params = { params: Promise.resolve({ roomId, sessionId }) }
  const as = (actor: Actor) => vi.mocked(currentActor).mockResolvedValue(actor)
  const answer = async (response: Response) => ({
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: response.headers.get('content-type')?.includes('json') ? await response.json() : await response.arrayBuffer(),
  })
  const postJson = (handler: typeof recordingRoute.POST, actor: Actor, rest: string, body: unknown) => {
    as(actor)
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
    return handler(new Request(url(rest), init), params).then(answer)
  }
  const api = {
    recording: (actor: Actor, body: unknown) => postJson(recordingRoute.POST, actor, '/recording', body),
    consent: (actor: Actor, body: unknown) => postJson(consentRoute.POST, actor, '/consent', body),
    share: (actor: Actor, body: unknown) => postJson(shareRoute.POST, actor, '/share', body),
    status: (actor: Actor) => (as(actor), consentRoute.GET(new Request(url('/consent')), params).then(answer)),
    manifest: (actor: Actor) => (as(actor), audioRoute.GET(new Request(url()), params).then(answer)),
    segment: (actor: Actor, user: string, segment = SEGMENT) => {
      as(actor)
      const query = `/segment?user=${encodeURIComponent(user)}&segment=${segment}`
      return segmentRoute.GET(new Request(url(query)), params).then(answer)
    },
    upload: (
      actor: Actor,
      seq: number,
      {
        query = `segment=${SEGMENT}&seq=${seq}&offset=${(seq + 1) * 3000}&activity=0.5`,
        type = 'audio/webm;codecs=opus',
        body = chunkBytes(seq),
      } = {}
    ) => {
      as(actor)
      const init = { method: 'POST', headers: { 'content-type': type }, body: Buffer.from(body) }
      return audioRoute.POST(new Request(url(`?${query}`), init), params).then(answer)
    },
  }
  return { d, roomId, sessionId, api, params }
}

describe.each(MODES)('session recording API (%s)', (mode) => {
  test('only an interviewer turns it on; everyone sees it in the session doc; bad bodies get 400 with the field', async () => {
    const { d, roomId, api } = await setUp(mode)
    expect((await api.recording(cid, { on: true })).status).toBe(403)
    expect((await api.recording(sam, { on: true })).status).toBe(403)
    const bad = await api.recording(olga, { on: 'yes' })
    expect(bad).toMatchObject({ status: 400, body: { fields: { on: expect.any(String) } } })
    // A candidate's live session doc shows it the moment it is on.
    const watcher = d.open(roomId, cid.userId, 'candidate', 'session')
    await synced(watcher.provider)
    expect(readSession(watcher.doc)?.recording).toBe(false)
    expect(await api.recording(olga, { on: true })).toMatchObject({ status: 200, body: { on: true } })
    await eventually(() => readSession(watcher.doc)?.recording === true, 10_000, 'the doc to say recording')
    expect((await api.status(cid)).body).toEqual({
      recording: expect.objectContaining({ on: true }),
      consent: null,
      recordable: true,
    })
    expect((await api.status(obi)).body).toMatchObject({ recordable: false })
  })

  test('consent: a decline is stored and blocks uploads; observers are never recorded; strangers get 403', async () => {
    const { api } = await setUp(mode)
    expect((await api.consent(olga, { answer: 'accepted' })).status).toBe(409) // recording is off
    await api.recording(olga, { on: true })
    expect((await api.consent(olga, { answer: 'maybe' })).status).toBe(400)
    expect((await api.consent(obi, { answer: 'accepted' })).status).toBe(403)
    expect((await api.consent(sam, { answer: 'accepted' })).status).toBe(403)
    expect((await api.consent(cid, { answer: 'declined' })).status).toBe(200)
    expect((await api.status(cid)).body).toMatchObject({ consent: 'declined' })
    expect(await api.upload(cid, 0)).toMatchObject({
      status: 403,
      body: { error: 'you have not agreed to be recorded' },
    })
    expect((await api.upload(obi, 0)).status).toBe(403)
    expect((await api.upload(sam, 0)).status).toBe(403)
    expect((await api.upload(olga, 0)).status).toBe(403) // not answered yet
    expect((await api.consent(olga, { answer: 'accepted' })).status).toBe(200)
    expect((await api.upload(olga, 0)).status).toBe(201)
    const manifest = (await api.manifest(olga)).body as AudioManifest
    expect(manifest.declined).toEqual([{ userId: cid.userId, name: 'Cid' }])
    expect(manifest.tracks.map((t) => t.userId)).toEqual([olga.userId])
  })

  test('bad uploads get clear answers: 400 query or empty or not WebM, 415 type, 413 size; off or ended get 409', async () => {
    const { d, roomId, api } = await setUp(mode, { chunkMaxBytes: 16 * 1024 })
    await api.recording(olga, { on: true })
    await api.consent(olga, { answer: 'accepted' })
    expect(await api.upload(olga, 0, { query: `segment=x&seq=-1&offset=a` })).toMatchObject({
      status: 400,
      body: { fields: { segment: expect.any(String), seq: expect.any(String), offset: expect.any(String) } },
    })
    expect((await api.upload(olga, 0, { type: 'application/octet-stream' })).status).toBe(415)
    expect((await api.upload(olga, 0, { body: new Uint8Array(0) })).status).toBe(400)
    expect(await api.upload(olga, 0, { body: new Uint8Array(100) })).toMatchObject({
      status: 400,
      body: { error: 'the first chunk is not a WebM stream' },
    })
    expect((await api.upload(olga, 0, { body: chunkBytes(0, 16 * 1024 + 1) })).status).toBe(413)
    expect((await api.upload(olga, 0)).status).toBe(201)
    await api.recording(olga, { on: false })
    expect((await api.upload(olga, 1)).status).toBe(409)
    await api.recording(olga, { on: true })
    expect((await api.upload(olga, 1)).status).toBe(201)
    // The last chunks arrive a little after the end: accepted within the grace, refused after it.
    await d.sessions.control(roomId, olga, { type: 'end' })
    d.advance(5_000)
    expect((await api.upload(olga, 2)).status).toBe(201)
    d.advance(20_000)
    expect((await api.upload(olga, 3)).status).toBe(409)
    expect((await api.recording(olga, { on: true })).status).toBe(409)
  })

  test('a track is capped', async () => {
    const { api } = await setUp(mode, { chunkMaxBytes: 16 * 1024, trackMaxBytes: 40 * 1024 })
    await api.recording(olga, { on: true })
    await api.consent(olga, { answer: 'accepted' })
    expect((await api.upload(olga, 0, { body: chunkBytes(0, 16 * 1024) })).status).toBe(201)
    expect((await api.upload(olga, 1, { body: chunkBytes(1, 16 * 1024) })).status).toBe(201)
    expect(await api.upload(olga, 2, { body: chunkBytes(2, 16 * 1024) })).toMatchObject({
      status: 413,
      body: { error: 'this recording has reached its size limit' },
    })
  })

  test('uploads past the per-user quota get 429 with Retry-After and store nothing', async () => {
    const { api } = await setUp(mode)
    await api.recording(olga, { on: true })
    await api.consent(olga, { answer: 'accepted' })
    vi.stubEnv('QUOTA_AUDIO_CHUNKS_PER_USER_PER_MINUTE', '2')
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('mockboard.httpQuotas')]
    try {
      expect((await api.upload(olga, 0)).status).toBe(201)
      expect((await api.upload(olga, 1)).status).toBe(201)
      const over = await api.upload(olga, 2)
      expect(over).toMatchObject({ status: 429, body: { error: expect.stringMatching(/^Too many recording uploads/) } })
      expect(Number(over.retryAfter)).toBeGreaterThan(0)
    } finally {
      vi.unstubAllEnvs()
      delete (globalThis as Record<symbol, unknown>)[Symbol.for('mockboard.httpQuotas')]
    }
    const manifest = (await api.manifest(olga)).body as AudioManifest
    expect(manifest.tracks.flatMap((t) => t.segments).reduce((n, s) => n + s.chunks, 0)).toBe(2)
  })

  test('nothing lost, nothing twice: concurrent and retried chunks make one segment in order, stamped with server time', async () => {
    const { d, api } = await setUp(mode)
    await api.recording(olga, { on: true })
    await api.consent(olga, { answer: 'accepted' })
    const seqs = Array.from({ length: 20 }, (_, i) => i)
    // Every chunk sent twice at once (a retry racing its original), in shuffled order.
    const sends = [...seqs, ...seqs].sort((a, b) => ((a * 7919) % 13) - ((b * 7919) % 13))
    const statuses = await Promise.all(sends.map((seq) => api.upload(olga, seq).then((r) => r.status)))
    expect(statuses.filter((s) => s === 201)).toHaveLength(20)
    expect(statuses.filter((s) => s === 200)).toHaveLength(20)
    const media = await api.segment(olga, olga.userId)
    expect(media.status).toBe(200)
    expect(new Uint8Array(media.body as ArrayBuffer)).toEqual(
      new Uint8Array(Buffer.concat(seqs.map((s) => chunkBytes(s))))
    )
    const manifest = (await api.manifest(olga)).body as AudioManifest
    const segment = manifest.tracks[0]!.segments[0]!
    // Server time on arrival (the test's clock), less the media's offset: the segment's start.
    expect(segment).toMatchObject({ id: SEGMENT, chunks: 20, start: d.now() - 20 * 3000, end: d.now() })
    expect(segment.speech).toEqual([{ start: segment.start, end: segment.end }])
  })

  test('a reload starts a new segment: both are kept, each placed at its own server time', async () => {
    const { d, api } = await setUp(mode)
    await api.recording(olga, { on: true })
    await api.consent(olga, { answer: 'accepted' })
    for (const seq of [0, 1]) {
      d.advance(3_000)
      expect((await api.upload(olga, seq)).status).toBe(201)
    }
    const firstEnd = d.now()
    // The page reloads: the chunk being recorded is lost, and a new recorder starts a new segment 4 s later.
    d.advance(4_000)
    const query = (seq: number) => `segment=segment-olga-2&seq=${seq}&offset=${(seq + 1) * 3000}&activity=0`
    for (const seq of [0, 1]) {
      d.advance(3_000)
      expect((await api.upload(olga, seq, { query: query(seq) })).status).toBe(201)
    }
    const [track] = ((await api.manifest(olga)).body as AudioManifest).tracks
    expect(track!.segments.map((s) => [s.id, s.end - s.start, s.chunks])).toEqual([
      [SEGMENT, 6_000, 2],
      ['segment-olga-2', 6_000, 2],
    ])
    expect(track!.segments[0]!.end).toBe(firstEnd)
    expect(track!.segments[1]!.start - track!.segments[0]!.end).toBe(4_000)
    expect(track!.segments[1]!.speech).toEqual([])
  })

  test('who hears it: the replay readers; a stranger and, once something is recorded and until shared, the candidate get 403', async () => {
    const { d, roomId, api, params } = await setUp(mode)
    await api.recording(olga, { on: true })
    await api.consent(olga, { answer: 'accepted' })
    await api.consent(cid, { answer: 'declined' })
    // Nothing recorded yet: nothing to withhold. The candidate's replay once got 403 and "not shared" here.
    expect((await api.manifest(cid)).body).toEqual({
      recording: expect.objectContaining({ on: true, sharedWithCandidate: false }),
      canShare: false,
      tracks: [],
      declined: [],
    })
    expect((await api.manifest(sam)).status).toBe(403)
    await api.upload(olga, 0)
    for (const reader of [sam, cid]) {
      expect((await api.manifest(reader)).status).toBe(403)
      expect((await api.segment(reader, olga.userId)).status).toBe(403)
    }
    for (const reader of [olga, obi]) {
      expect((await api.manifest(reader)).status).toBe(200)
      expect((await api.segment(reader, olga.userId)).status).toBe(200)
    }
    expect((await api.share(cid, { shared: true })).status).toBe(403)
    expect((await api.share(olga, { shared: true })).status).toBe(200)
    expect((await api.manifest(cid)).body).toMatchObject({ canShare: false, recording: { sharedWithCandidate: true } })
    expect((await api.segment(cid, olga.userId)).status).toBe(200)
    expect((await api.segment(sam, olga.userId)).status).toBe(403)
    expect((await api.segment(olga, olga.userId, 'no-such-segment')).status).toBe(404)
    expect((await api.segment(olga, olga.userId, '../../x')).status).toBe(400)
    // Current facts decide: a removed member hears nothing more; nobody signed in gets 401.
    await d.access.removeMember(roomId, olga, obi.userId)
    expect((await api.manifest(obi)).status).toBe(403)
    vi.mocked(currentActor).mockResolvedValue(null)
    expect((await audioRoute.GET(new Request('http://localhost/x'), params)).status).toBe(401)
  })

  test('deleting the board deletes its recordings', async () => {
    const { d, roomId, sessionId, api } = await setUp(mode)
    await api.recording(olga, { on: true })
    await api.consent(olga, { answer: 'accepted' })
    await api.upload(olga, 0)
    const key = { roomId, sessionId }
    expect(await d.audioStore.listChunks(key)).toHaveLength(1)
    // With DATABASE_URL every server reads the recordings from PostgreSQL: no file is written.
    expect(readdirSync(d.audioDir)).toEqual(mode === 'postgres' ? [] : [roomId])
    await d.boards.delete(roomId, olga)
    expect(await d.audioStore.getRecording(key)).toBeNull()
    expect(await d.audioStore.listConsents(key)).toEqual([])
    expect(await d.audioStore.listChunks(key)).toEqual([])
  })

  test('deleting a session deletes its recordings and sheets, keeps the other sessions; interviewers only, once ended', async () => {
    const { d, roomId, sessionId, api, params } = await setUp(mode)
    await api.recording(olga, { on: true })
    await api.consent(olga, { answer: 'accepted' })
    await api.upload(olga, 0)
    const remove = async (actor: Actor) => {
      vi.mocked(currentActor).mockResolvedValue(actor)
      const response = await sessionRoute.DELETE(new Request('http://localhost/x', { method: 'DELETE' }), params)
      return { status: response.status, body: response.status === 204 ? null : await response.json() }
    }
    expect(await remove(olga)).toMatchObject({ status: 409, body: { error: expect.stringMatching(/end it/) } })
    await d.sessions.control(roomId, olga, { type: 'end' })
    for (const actor of [cid, obi, sam]) expect((await remove(actor)).status).toBe(403)
    // A second session on the board keeps its own recording.
    d.advance(60_000)
    const second = await d.sessions.start(roomId, olga, config)
    await d.audio.setRecording(roomId, second.sessionId, olga, true)
    await d.sessions.control(roomId, olga, { type: 'end' })
    const key = { roomId, sessionId }
    expect(await d.audioStore.listChunks(key)).toHaveLength(1)

    expect((await remove(olga)).status).toBe(204)
    expect(await d.audioStore.getRecording(key)).toBeNull()
    expect(await d.audioStore.listChunks(key)).toEqual([])
    expect(await d.audioStore.getRecording({ roomId, sessionId: second.sessionId })).toMatchObject({ on: true })
    expect(await d.store.getSession(roomId, sessionId)).toBeNull()
    expect((await d.store.listRoomSessions(roomId)).map((s) => s.sessionId)).toEqual([second.sessionId])
    expect((await d.store.listUserSessions(cid.userId)).map((s) => s.sessionId)).toEqual([second.sessionId])
    expect((await api.manifest(olga)).status).toBe(404)
    expect((await remove(olga)).status).toBe(404)

    // Deleting the session the board shows empties the live session doc: the board shows no session.
    const watcher = d.open(roomId, cid.userId, 'candidate', 'session')
    await synced(watcher.provider)
    expect(readSession(watcher.doc)?.id).toBe(second.sessionId)
    await d.sessions.delete(roomId, olga, second.sessionId)
    await eventually(() => readSession(watcher.doc) === null, 10_000, 'the session doc to empty')
    expect((await d.sessions.view(roomId, cid)).session).toBeNull()
  })
})
