import { describe, expect, it } from 'vitest'
import { audioSyncStep, MAX_RATE_NUDGE } from './audioSync'

describe('audioSyncStep: a replayed recording follows the replay clock', () => {
  it('a seek on the scrubber moves the audio there at once, playing or paused', () => {
    expect(audioSyncStep(10, 2, 1, true)).toEqual({ seekTo: 2, rate: 1 })
    expect(audioSyncStep(10, 2, 1, false)).toEqual({ seekTo: 2, rate: 1 })
    // Even a short hop (a quarter second) lands exactly while paused.
    expect(audioSyncStep(2.25, 2, 1, false).seekTo).toBe(2)
  })

  it('small drift while playing is closed by the rate, never by a stuttering seek', () => {
    const ahead = audioSyncStep(2.08, 2, 1, true)
    expect(ahead.seekTo).toBeNull()
    expect(ahead.rate).toBeLessThan(1)
    const behind = audioSyncStep(1.9, 2, 1, true)
    expect(behind.seekTo).toBeNull()
    expect(behind.rate).toBeGreaterThan(1)
    expect(behind.rate).toBeLessThanOrEqual(1 + MAX_RATE_NUDGE)
    expect(audioSyncStep(2.01, 2, 1, true)).toEqual({ seekTo: null, rate: 1 })
  })

  it('the nudge scales with the replay speed and is capped', () => {
    const fast = audioSyncStep(5.5, 6, 4, true)
    expect(fast.seekTo).toBeNull()
    expect(fast.rate).toBeGreaterThan(4)
    expect(fast.rate).toBeLessThanOrEqual(4 * (1 + MAX_RATE_NUDGE))
  })

  it('simulated: a 150 ms start-up lag is closed to under 20 ms within two seconds of playing', () => {
    let audio = 0 // where the element is
    let clock = 0.15 // the replay clock started 150 ms before the element
    for (let frame = 0; frame < 120; frame++) {
      const { seekTo, rate } = audioSyncStep(audio, clock, 1, true)
      if (seekTo !== null) audio = seekTo
      audio += rate / 60
      clock += 1 / 60
    }
    expect(Math.abs(audio - clock)).toBeLessThan(0.02)
  })
})
