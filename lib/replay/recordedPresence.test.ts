import { describe, expect, it } from 'vitest'
import { decodeRecordedPresence, encodePresenceBatch } from './recordedPresence'
import { PresenceTrack } from './PresenceTrack'

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))

describe('recorded presence', () => {
  it('round-trips a tick: each state at the time it was taken, oldest first, with its author', () => {
    const update = encodePresenceBatch(
      [
        { client: 2, state: { k: [5, 5] }, author: 'user:bo', time: 1_150 },
        { client: 1, state: null, author: 'user:ada', time: 1_020 },
      ],
      1_200
    )
    expect(decodeRecordedPresence({ time: 1_200, author: '', update })).toEqual([
      { time: 1_020, client: 1, state: null, author: 'user:ada' },
      { time: 1_150, client: 2, state: { k: [5, 5] }, author: 'user:bo' },
    ])
  })

  it('reads the older one-change entries, authored by the entry', () => {
    const update = bytes({ c: 7, s: { k: [1, 2] } })
    expect(decodeRecordedPresence({ time: 900, author: 'user:ada', update })).toEqual([
      { time: 900, client: 7, state: { k: [1, 2] }, author: 'user:ada' },
    ])
  })

  it('yields nothing for what is not a recorded change, and skips malformed changes in a tick', () => {
    for (const update of [new TextEncoder().encode('not json'), bytes(null), bytes([1, 2]), bytes({ p: 'x' })])
      expect(decodeRecordedPresence({ time: 1, author: 'a', update })).toEqual([])
    const mixed = bytes({ p: [{ c: 'x', a: 'a' }, null, { c: 3, s: { k: [0, 0] }, a: 'user:c', d: -5 }] })
    expect(decodeRecordedPresence({ time: 50, author: '', update: mixed })).toEqual([
      { time: 50, client: 3, state: { k: [0, 0] }, author: 'user:c' },
    ])
  })

  it('keeps the track in time order when two servers’ ticks interleave', () => {
    const track = new PresenceTrack()
    track.append([{ time: 1_000, client: 1, state: { k: [0, 0] } }])
    // Another server's tick, written later, holds a state taken a little before.
    track.append([{ time: 990, client: 2, state: { k: [9, 9] } }])
    expect(track.at(995).map((p) => p.client)).toEqual([])
    expect(
      track
        .at(1_000)
        .map((p) => p.client)
        .sort()
    ).toEqual([1, 2])
  })
})
