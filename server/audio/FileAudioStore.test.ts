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

/** What only the file store has (its paths); the behaviour every store shares is tests/audio/audioStore.contract.ts. */
describe('FileAudioStore', () => {
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
