import { describe, expect, it } from 'vitest'
import { PRESENCE_STALE_MS, PresenceTrack } from './PresenceTrack'

describe('PresenceTrack', () => {
  const track = new PresenceTrack()
  track.append([
    { time: 1000, client: 1, state: { k: [0, 0] } },
    { time: 1200, client: 2, state: { k: [5, 5] } },
    { time: 1400, client: 1, state: { k: [10, 10] } },
    { time: 3000, client: 2, state: null },
  ])

  it('gives each participant their latest state at a moment', () => {
    expect(track.at(1300)).toEqual([
      { client: 2, state: { k: [5, 5] }, time: 1200 },
      { client: 1, state: { k: [0, 0] }, time: 1000 },
    ])
    expect(track.at(1500).find((p) => p.client === 1)?.state).toEqual({ k: [10, 10] })
  })

  it('drops a participant who left, and hides a cursor idle for too long', () => {
    expect(track.at(3500).map((p) => p.client)).toEqual([1])
    expect(track.at(1400 + PRESENCE_STALE_MS + 1)).toEqual([])
    expect(track.at(500)).toEqual([])
  })
})
