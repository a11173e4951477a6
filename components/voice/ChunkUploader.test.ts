import { describe, expect, test, vi } from 'vitest'
import { HttpError, retryAfterMs } from '@/lib/http/fetchJson'
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

  test("over the server's quota it waits as long as Retry-After asks before sending again, then sends everything", async () => {
    // The bug: a 429 saying "wait 40 s" was retried after 1, 2, 4, 8 s…, each retry counted against the quota again.
    vi.useFakeTimers()
    const attempts: number[] = []
    let refusals = 1
    const uploader = new ChunkUploader(async (c) => {
      attempts.push(c.seq)
      if (refusals-- > 0) throw new HttpError(429, 'too many chunks; try again in 40 seconds', 40_000)
    }, vi.fn())
    uploader.push(chunk(0))
    uploader.push(chunk(1))
    await vi.advanceTimersByTimeAsync(39_000)
    expect(attempts).toEqual([0])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(attempts).toEqual([0, 0, 1])
    expect(uploader.sent).toBe(2)
    vi.useRealTimers()
  })

  test('reads Retry-After in seconds or as a date', () => {
    const now = Date.parse('2026-11-30T08:00:00Z')
    const headers = (value: string) => ({ headers: new Headers({ 'retry-after': value }) })
    expect(retryAfterMs(headers('12'), now)).toBe(12_000)
    expect(retryAfterMs(headers('Mon, 30 Nov 2026 08:00:30 GMT'), now)).toBe(30_000)
    expect(retryAfterMs(headers('soon'), now)).toBeUndefined()
    expect(retryAfterMs({ headers: new Headers() }, now)).toBeUndefined()
  })
})
