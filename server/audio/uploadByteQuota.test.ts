/**
 * The per-user byte quota of recording uploads (`QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE`)
 * through the real upload route, on the embedded deployment (SQLite,
 * recordings as files): a client pushing big chunks gets 429 with
 * `Retry-After` past the budget and stores nothing more, while a real
 * recorder's chunks, at a real pace and in a catch-up burst, never are refused.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { Actor } from '@/lib/access/actor'
import type { AudioManifest } from '@/lib/audio/audioSchemas'
import { PLAN_45, type SessionConfig } from '@/lib/session/sessionConfig'
import * as audioRoute from '@/app/api/rooms/[roomId]/sessions/[sessionId]/audio/route'
import { currentActor } from '@/server/auth/session'
import { createHttpQuotas } from '@/server/http/quotas'
import { deploySessions, type SessionDeployment } from '@/tests/support/sessionDeployment'

vi.mock('@/server/auth/session', () => ({ currentActor: vi.fn() }))

const QUOTAS = Symbol.for('mockboard.httpQuotas')
const olga: Actor = { userId: 'guest:olga', name: 'Olga' }
const config: SessionConfig = { problemId: 'url-shortener', mode: 'pair', level: 'senior', plan: PLAN_45 }
const KIB = 1024
/** A real browser's 3-second chunk: Opus at 32 kbit/s is ~12 KB; 16 KiB allows for its variable rate. */
const REAL_CHUNK = 16 * KIB

let deployment: SessionDeployment | null = null
beforeEach(() => vi.mocked(currentActor).mockReset())
afterEach(async () => {
  delete (globalThis as Record<symbol, unknown>)[QUOTAS]
  await deployment?.close()
  deployment = null
})

/** A recording session olga agreed to, with the process's quotas built from `env` on the deployment's clock. */
async function setUp(env: Record<string, string> = {}) {
  const d = (deployment = await deploySessions('embedded'))
  d.installAppContext()
  ;(globalThis as Record<symbol, unknown>)[QUOTAS] = createHttpQuotas(env, () => d.now())
  const { roomId } = await d.access.createRoom(olga)
  const { sessionId } = await d.sessions.start(roomId, olga, config)
  await d.audio.setRecording(roomId, sessionId, olga, true)
  await d.audio.consent(roomId, sessionId, olga, 'accepted')
  vi.mocked(currentActor).mockResolvedValue(olga)
  const params = { params: Promise.resolve({ roomId, sessionId }) }
  const url = `http://localhost/api/rooms/${roomId}/sessions/${sessionId}/audio`
  /** Uploads chunk `seq` of `size` bytes (the first starts with WebM's magic number), as the browser does. */
  const upload = async (seq: number, size: number, segment = 'segment-olga-1') => {
    const body = new Uint8Array(size).fill(seq % 251)
    if (seq === 0) body.set([0x1a, 0x45, 0xdf, 0xa3])
    const query = `segment=${segment}&seq=${seq}&offset=${(seq + 1) * 3000}&activity=0.5`
    const init = { method: 'POST', headers: { 'content-type': 'audio/webm;codecs=opus' }, body: Buffer.from(body) }
    const response = await audioRoute.POST(new Request(`${url}?${query}`, init), params)
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as { error?: string },
    }
  }
  const storedChunks = async () => {
    const manifest = (await d.audio.manifest(roomId, sessionId, olga)) as AudioManifest
    return manifest.tracks.flatMap((t) => t.segments).reduce((n, s) => n + s.chunks, 0)
  }
  return { d, upload, storedChunks }
}

describe('recording byte quota (QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE)', () => {
  test('past 2 MiB a minute, uploads get 429 with Retry-After and store nothing; the retry after the wait is stored', async () => {
    const { d, upload, storedChunks } = await setUp()
    // Four chunks at the 512 KiB cap fill the default 2 MiB minute.
    for (let seq = 0; seq < 4; seq++) expect((await upload(seq, 512 * KIB)).status).toBe(201)
    const over = await upload(4, 512 * KIB)
    expect(over).toMatchObject({
      status: 429,
      body: { error: 'Too much recording uploaded: try again in 60 seconds.' },
    })
    expect(over.retryAfter).toBe('60')
    // A small chunk does not fit either: the budget is bytes, whatever the chunk count.
    expect((await upload(4, 1)).status).toBe(429)
    expect(await storedChunks()).toBe(4)
    // The browser's uploader keeps the chunk and sends it again: once the minute has passed, it is stored.
    d.advance(59_000)
    expect((await upload(4, 512 * KIB)).status).toBe(429)
    d.advance(1_000)
    expect((await upload(4, 512 * KIB)).status).toBe(201)
    expect(await storedChunks()).toBe(5)
  })

  test('the budget comes from the environment, 0 turns it off, and it counts per user', async () => {
    const { upload } = await setUp({ QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE: String(100 * KIB) })
    expect((await upload(0, 60 * KIB)).status).toBe(201)
    const over = await upload(1, 60 * KIB)
    expect(over.status).toBe(429)
    expect(Number(over.retryAfter)).toBeGreaterThan(0)
    expect((await upload(1, 40 * KIB)).status).toBe(201) // exactly at the budget
    await deployment?.close()
    deployment = null
    const off = await setUp({ QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE: '0', QUOTA_AUDIO_CHUNKS_PER_USER_PER_MINUTE: '0' })
    for (let seq = 0; seq < 8; seq++) expect((await off.upload(seq, 512 * KIB)).status).toBe(201)
  })

  test('a real recorder is never refused: a chunk every 3 s for 20 minutes, and a catch-up burst after an outage', async () => {
    const { d, upload, storedChunks } = await setUp()
    let seq = 0
    // 20 minutes at a real pace, one 3-second chunk every 3 s (400 chunks; the window is a minute, so longer adds nothing).
    for (let i = 0; i < 400; i++) {
      d.advance(3_000)
      const answer = await upload(seq++, REAL_CHUNK)
      if (answer.status !== 201) throw new Error(`chunk ${seq - 1} refused: ${answer.status} ${answer.body.error}`)
    }
    // The network drops for 5 minutes: 100 chunks queue in the browser, then go back to back when it returns.
    d.advance(5 * 60_000)
    const statuses = []
    for (let i = 0; i < 100; i++) statuses.push((await upload(seq++, REAL_CHUNK)).status)
    expect(statuses.every((s) => s === 201)).toBe(true)
    expect(await storedChunks()).toBe(500)
  }, 120_000)
})
