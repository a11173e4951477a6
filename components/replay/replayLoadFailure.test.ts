import { describe, expect, it } from 'vitest'
import { HttpError } from '@/lib/http/fetchJson'
import { replayLoadFailure } from './replayLoadFailure'

// The errors as `useReplayData` reports them: the error itself.
describe('replayLoadFailure', () => {
  it('reads the API refusals the page answers in its own words', () => {
    expect(replayLoadFailure(new HttpError(404, 'no such session on this board'))).toEqual({
      kind: 'no-session',
    })
    expect(replayLoadFailure(new HttpError(404, 'no such room'))).toEqual({
      kind: 'room-closed',
      reason: 'missing',
    })
    expect(replayLoadFailure(new HttpError(403, 'not a member of this room'))).toEqual({
      kind: 'room-closed',
      reason: 'not-member',
    })
  })

  it("tells an unreachable server (fetch's TypeError in each browser) from a bug's TypeError", () => {
    for (const message of [
      'Failed to fetch',
      'NetworkError when attempting to fetch resource.',
      'Load failed',
      'fetch failed',
    ]) {
      expect(replayLoadFailure(new TypeError(message)), message).toEqual({ kind: 'unreachable' })
    }
    expect(replayLoadFailure(new TypeError("Cannot read properties of undefined (reading 'seq')"))).toEqual({
      kind: 'failed',
      detail: "Cannot read properties of undefined (reading 'seq')",
    })
  })

  it('keeps any other failure, without the "Error:" prefix', () => {
    expect(replayLoadFailure(new HttpError(500, 'internal error'))).toEqual({
      kind: 'failed',
      detail: 'internal error',
    })
    expect(replayLoadFailure(new Error('replay request failed: 502'))).toEqual({
      kind: 'failed',
      detail: 'replay request failed: 502',
    })
  })
})
