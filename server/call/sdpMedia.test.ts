import { describe, expect, test } from 'vitest'
import { sdpMedia } from './sdpMedia'

const session = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n'
const audio = (direction?: string) => `m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n${direction ? `a=${direction}\r\n` : ''}`

describe('sdpMedia', () => {
  test('an audio section sends unless it says recvonly or inactive (no direction means sendrecv)', () => {
    expect(sdpMedia(session + audio('sendrecv')).sends).toBe(true)
    expect(sdpMedia(session + audio('sendonly')).sends).toBe(true)
    expect(sdpMedia(session + audio()).sends).toBe(true)
    expect(sdpMedia(session + audio('recvonly')).sends).toBe(false)
    expect(sdpMedia(session + audio('inactive')).sends).toBe(false)
  })

  test('a session-level direction applies to sections without their own; any sending section counts', () => {
    expect(sdpMedia(session + 'a=recvonly\r\n' + audio()).sends).toBe(false)
    expect(sdpMedia(session + 'a=recvonly\r\n' + audio('sendrecv')).sends).toBe(true)
    expect(sdpMedia(session + audio('recvonly') + audio('sendonly')).sends).toBe(true)
    expect(sdpMedia(session + 'm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n').sends).toBe(false)
  })

  test('video is noticed', () => {
    expect(sdpMedia(session + audio('recvonly') + 'm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=recvonly\r\n').video).toBe(true)
    expect(sdpMedia(session + audio()).video).toBe(false)
  })
})
