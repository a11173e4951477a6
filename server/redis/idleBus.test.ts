/**
 * The two small pieces that keep idle rooms free on the Redis bus: which
 * awareness renewals are worth publishing (RoomAudience), and what a
 * server's heads announcement says (AppendHeads). Bugs it would catch: a
 * renewal skipped while another server needs it (its cursors would vanish
 * there after 30 s), a real change skipped, renewals published for nobody,
 * a quiet room announced forever, a malformed announcement accepted.
 */
import { describe, expect, test } from 'vitest'
import { AWARENESS_TIMEOUT_MS, RoomAudience } from './RoomAudience'
import { AppendHeads, decodeHeads, HEADS_WINDOW_MS } from './AppendHeads'

describe('RoomAudience', () => {
  test('renewals go out until a publish reaches nobody else, then only while another server is around', () => {
    const audience = new RoomAudience()
    audience.track('abc')
    expect(audience.shouldPublish('abc', true, 0)).toBe(true) // nothing known yet
    audience.published('abc', 1) // only our own subscriber got it
    expect(audience.shouldPublish('abc', true, 1_000)).toBe(false)
    expect(audience.shouldPublish('abc', false, 1_000)).toBe(true) // real changes always
    expect(audience.heard('abc', 'b', 2_000)).toBe(true) // a new server in the room
    expect(audience.heard('abc', 'b', 2_500)).toBe(false)
    audience.published('abc', 1)
    // Heard lately: renewals go out even if a publish raced its subscription.
    expect(audience.shouldPublish('abc', true, 2_500 + AWARENESS_TIMEOUT_MS - 1)).toBe(true)
    expect(audience.shouldPublish('abc', true, 2_500 + AWARENESS_TIMEOUT_MS)).toBe(false)
    audience.published('abc', 2)
    expect(audience.shouldPublish('abc', true, 10 * AWARENESS_TIMEOUT_MS)).toBe(true)
    audience.forgetServer('b')
    expect(audience.heard('abc', 'b', 0)).toBe(true) // back after being gone: new again
  })

  test('a room no longer held is forgotten, and late replies do not bring it back', () => {
    const audience = new RoomAudience()
    audience.track('abc')
    audience.published('abc', 1)
    audience.drop('abc')
    audience.published('abc', 1)
    expect(audience.heard('abc', 'b')).toBe(false)
    expect(audience.shouldPublish('abc', true)).toBe(true)
  })
})

describe('AppendHeads', () => {
  test('announces the highest seq of each room appended to within the window, then nothing', () => {
    const heads = new AppendHeads()
    expect(heads.encode('a', 0)).toBeNull()
    heads.note('r1', 5, 0)
    heads.note('r1', 4, 10) // an older append finishing late does not lower the head
    heads.note('r2', 1, 500)
    expect(decodeHeads(heads.encode('a', 1_000)!)).toEqual({
      serverId: 'a',
      heads: [
        ['r1', 5],
        ['r2', 1],
      ],
    })
    expect(decodeHeads(heads.encode('a', 10 + HEADS_WINDOW_MS + 1)!)).toEqual({ serverId: 'a', heads: [['r2', 1]] })
    expect(heads.encode('a', 500 + HEADS_WINDOW_MS + 1)).toBeNull()
  })

  test('garbage is no announcement', () => {
    expect(decodeHeads('not json')).toBeNull()
    expect(decodeHeads('{"s":1,"h":{}}')).toBeNull()
    expect(decodeHeads('{"s":"a","h":null}')).toBeNull()
    expect(decodeHeads('{"s":"a","h":{"r":"x","q":2.5,"ok":3}}')).toEqual({ serverId: 'a', heads: [['ok', 3]] })
  })
})
