import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { FileAudioStore } from './FileAudioStore'

const key = { roomId: 'room-abcdefgh', sessionId: 'session-abcdefgh' }
const meta = (seq: number, userId = 'guest:olga') => ({
  userId,
  segment: 'segment-1',
  seq,
  at: 1_000 + seq,
  offset: 3_000 * (seq + 1),
  activity: 0.25,
  bytes: 3,
})

let dir: string | null = null
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = null
})

function store() {
  dir = mkdtempSync(path.join(tmpdir(), 'mockboard-audio-'))
  return new FileAudioStore(dir)
}

describe('FileAudioStore', () => {
  test('chunks: stored once per (user, segment, seq), listed with their description, read back in order', async () => {
    const s = store()
    expect(await s.putChunk(key, meta(1), new Uint8Array([4, 5, 6]))).toBe(true)
    expect(await s.putChunk(key, meta(0), new Uint8Array([1, 2, 3]))).toBe(true)
    expect(await s.putChunk(key, meta(0), new Uint8Array([9, 9, 9]))).toBe(false)
    expect(await s.putChunk(key, meta(0, 'github:7'), new Uint8Array([7, 7, 7]))).toBe(true)
    expect([...(await s.readSegment(key, 'guest:olga', 'segment-1'))!]).toEqual([1, 2, 3, 4, 5, 6])
    expect(await s.listChunks(key, 'guest:olga')).toEqual([meta(0), meta(1)])
    expect((await s.listChunks(key)).map((c) => c.userId).sort()).toEqual(['github:7', 'guest:olga', 'guest:olga'])
    expect(await s.readSegment(key, 'guest:nobody', 'segment-1')).toBeNull()
  })

  test('settings and consents round-trip; nothing is read before anything is written', async () => {
    const s = store()
    expect(await s.getRecording(key)).toBeNull()
    expect(await s.listConsents(key)).toEqual([])
    await s.putRecording(key, { on: true, sharedWithCandidate: false, at: 5 })
    await s.putConsent(key, { userId: 'guest:cid', name: 'Cid', answer: 'declined', at: 6 })
    expect(await s.getRecording(key)).toEqual({ on: true, sharedWithCandidate: false, at: 5 })
    expect(await s.getConsent(key, 'guest:cid')).toMatchObject({ answer: 'declined' })
    expect(await s.listConsents(key)).toHaveLength(1)
  })

  test('ids that could leave the directory are refused; deleting a session or room removes its files', async () => {
    const s = store()
    await expect(s.putChunk(key, { ...meta(0), segment: '../../etc' }, new Uint8Array([1]))).rejects.toThrow()
    await expect(s.getRecording({ ...key, roomId: '../outside' })).rejects.toThrow()
    await s.putChunk(key, meta(0), new Uint8Array([1, 2, 3]))
    await s.deleteSession(key)
    expect(await s.listChunks(key)).toEqual([])
    await s.putChunk(key, meta(0), new Uint8Array([1, 2, 3]))
    await s.deleteRoom(key.roomId)
    expect(readdirSync(dir!)).toEqual([])
  })
})
