import { createHmac } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { iceConfigFor, parseIceServers, parseTurnUrls, turnCredentials } from './iceConfig'

describe('ICE configuration', () => {
  test('ICE_SERVERS takes a JSON array of RTCIceServer or a list of URLs, and refuses anything else', () => {
    expect(parseIceServers(undefined)).toEqual([])
    expect(parseIceServers('stun:stun.example.org:3478, turn:turn.example.org')).toEqual([
      { urls: 'stun:stun.example.org:3478' },
      { urls: 'turn:turn.example.org' },
    ])
    const json = '[{"urls":["turns:t.example.org:443"],"username":"u","credential":"p"}]'
    expect(parseIceServers(json)).toEqual([{ urls: ['turns:t.example.org:443'], username: 'u', credential: 'p' }])
    expect(() => parseIceServers('[{"url":"stun:x"}]')).toThrow(/urls/)
    expect(() => parseIceServers('[oops')).toThrow(/JSON/)
    expect(() => parseIceServers('http://stun.example.org')).toThrow(/stun:/)
    expect(() => parseTurnUrls('stun:stun.example.org')).toThrow(/turn:/)
  })

  test("TURN credentials are coturn's REST ones: an expiry, and the HMAC-SHA1 of the name under the secret", () => {
    const now = Date.UTC(2026, 0, 1)
    const { username, credential } = turnCredentials('guest:ab/12', 'shared-secret', 3_600, now)
    expect(username).toBe(`${now / 1000 + 3_600}:guest_ab_12`)
    expect(credential).toBe(createHmac('sha1', 'shared-secret').update(username).digest('base64'))
  })

  test('each member gets the fixed servers, TURN with their own credentials, and the transport policy', () => {
    const settings = {
      servers: [{ urls: 'stun:stun.example.org' }],
      turn: { urls: ['turn:turn.example.org'], secret: 'shared-secret', ttlSeconds: 60 },
      transportPolicy: 'relay' as const,
    }
    const ann = iceConfigFor(settings, 'user:ann')
    const bob = iceConfigFor(settings, 'user:bob')
    expect(ann.iceTransportPolicy).toBe('relay')
    expect(ann.iceServers[0]).toEqual({ urls: 'stun:stun.example.org' })
    expect(ann.iceServers[1]!.username).toMatch(/:user_ann$/)
    expect(ann.iceServers[1]!.credential).not.toBe(bob.iceServers[1]!.credential)
  })
})
