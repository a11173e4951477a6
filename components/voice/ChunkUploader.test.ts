import { describe, expect, test, vi } from 'vitest'
import { HttpError } from '@/lib/http/fetchJson'
import { ChunkUploader } from './ChunkUploader'
import type { ChunkUpload } from './audioApi'

const chunk = (seq: number): ChunkUpload => ({
  segment: 'segment-1',
  seq,
  offset: seq * 3000,
  activity: 0,
  data: new Blob([]),
})

describe('ChunkUploader', () => {
  test('keeps order and retries through a network failure: nothing is lost', async () => {
    vi.useFakeTimers()
    const sent: number[] = []
    let failures = 2
    const uploader = new ChunkUploader(async (c) => {
      if (c.seq === 1 && failures-- > 0) throw new TypeError('Failed to fetch')
      sent.push(c.seq)
    }, vi.fn())
    for (const seq of [0, 1, 2, 3]) uploader.push(chunk(seq))
    await vi.runAllTimersAsync()
    expect(sent).toEqual([0, 1, 2, 3])
    expect(uploader.sent).toBe(4)
    vi.useRealTimers()
  })

  test('a refusal stops it and is reported', async () => {
    const refused = vi.fn()
    const uploader = new ChunkUploader(async () => {
      throw new HttpError(403, 'you have not agreed to be recorded')
    }, refused)
    uploader.push(chunk(0))
    uploader.push(chunk(1))
    await vi.waitFor(() => expect(refused).toHaveBeenCalledWith('you have not agreed to be recorded'))
    expect(uploader.pending).toBe(0)
  })
})
