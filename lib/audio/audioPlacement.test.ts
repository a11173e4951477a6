import { describe, expect, test } from 'vitest'
import { canHearRecording } from './audioAccess'
import { nextSpeechAt, placeSegment } from './audioPlacement'
import type { ChunkMeta } from './audioSchemas'
import type { SessionRecord } from '../session/sessionRecord'

const chunk = (seq: number, at: number, offset: number, activity = 0): ChunkMeta => ({
  userId: 'guest:olga',
  segment: 'segment-1',
  seq,
  at,
  offset,
  activity,
  bytes: 100,
})

describe('placeSegment', () => {
  test('starts at the earliest arrival minus its offset, ends at the last offset, merges talk', () => {
    // Uploads took 40, 10 and 300 ms: the 10 ms one places the start best.
    const segment = placeSegment('segment-1', [
      chunk(2, 10_000 + 9_300, 9_000, 0.9),
      chunk(0, 10_000 + 3_040, 3_000, 0.5),
      chunk(1, 10_000 + 6_010, 6_000, 0),
    ])
    expect(segment).toMatchObject({ id: 'segment-1', start: 10_010, end: 19_010, chunks: 3, bytes: 300 })
    expect(segment!.speech).toEqual([
      { start: 10_010, end: 13_010 },
      { start: 16_010, end: 19_010 },
    ])
  })

  test('no chunks, no segment', () => {
    expect(placeSegment('segment-1', [])).toBeNull()
  })
})

describe('nextSpeechAt', () => {
  const segment = placeSegment('s-000001', [
    chunk(0, 3_000, 3_000, 1),
    chunk(1, 6_000, 6_000, 0),
    chunk(2, 9_000, 9_000, 1),
  ])!
  test('now while someone talks, else the next talk, else null', () => {
    expect(nextSpeechAt([segment], 1_000)).toBe(1_000)
    expect(nextSpeechAt([segment], 4_000)).toBe(6_000)
    expect(nextSpeechAt([segment], 9_500)).toBeNull()
  })
})

describe('canHearRecording', () => {
  const session = {
    participants: [{ userId: 'guest:cid', name: 'Cid', roles: ['candidate', 'interviewer'] }],
  } as unknown as SessionRecord
  test('the session candidate hears nothing until shared, even as an interviewer now; the owner always', () => {
    expect(canHearRecording(session, { userId: 'guest:cid', role: 'interviewer', isOwner: false }, false)).toBe(false)
    expect(canHearRecording(session, { userId: 'guest:cid', role: 'interviewer', isOwner: false }, true)).toBe(true)
    expect(canHearRecording(session, { userId: 'guest:new', role: 'candidate', isOwner: false }, false)).toBe(false)
    expect(canHearRecording(session, { userId: 'guest:obi', role: 'observer', isOwner: false }, false)).toBe(true)
    expect(canHearRecording(session, { userId: 'guest:olga', role: 'candidate', isOwner: true }, false)).toBe(true)
  })
})
