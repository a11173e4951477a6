import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import WebSocket from 'ws'
import type { Role } from '@/lib/access/roles'
import { CloseCode } from '@/lib/collab/closeCodes'
import { callServerMessageSchema, MAX_CALL_SPEAKERS, type CallServerMessage } from '@/lib/call/callWire'
import { ROLE_CACHE_MS } from '@/server/collab/MemberRoles'
import { startInProcessCollab, tempDataDir, type InProcessCollab } from '../support/collabServers'
import { closeCode } from '../support/rawClient'
import { testToken } from '../support/tokens'

/**
 * The call's signalling server (README, "Voice in the room"): admitted like
 * the collab endpoint, every frame checked with the member's role now,
 * observers kept from sending audio, and hostile frames closing only the
 * socket that sent them.
 */
const TURN_SECRET = 'turn-secret-for-tests-only'
const ROOM = 'callroom1'
let server: InProcessCollab
let data: ReturnType<typeof tempDataDir>
const sockets: WebSocket[] = []

const OFFER_SENDS =
  'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\n'
const ANSWER_LISTENS = OFFER_SENDS.replace('a=sendrecv', 'a=recvonly')

/** A call socket and every frame it received. */
interface Peer {
  socket: WebSocket
  messages: CallServerMessage[]
  /** Resolves with the first received message matching `match` (now or later). */
  next<T extends CallServerMessage['type']>(
    type: T,
    match?: (m: Extract<CallServerMessage, { type: T }>) => boolean
  ): Promise<Extract<CallServerMessage, { type: T }>>
  send(message: unknown): void
}

async function member(userId: string, role: Role, room = ROOM): Promise<void> {
  await server.directory.putMember(room, { userId, name: userId, role, joinedAt: Date.now() })
}

async function connect(user: string, options: { room?: string; token?: string | null; tokenRoom?: string } = {}) {
  const room = options.room ?? ROOM
  const token =
    options.token === undefined
      ? await testToken(options.tokenRoom ?? room, { user, role: 'candidate' })
      : options.token
  const socket = new WebSocket(`${server.url}/${room}/call${token === null ? '' : `?token=${token}`}`)
  sockets.push(socket)
  const messages: CallServerMessage[] = []
  const waiters: (() => void)[] = []
  socket.on('message', (data) => {
    messages.push(callServerMessageSchema.parse(JSON.parse(String(data))))
    for (const wake of waiters.splice(0)) wake()
  })
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  const peer: Peer = {
    socket,
    messages,
    next: (type, match = () => true) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${type} for ${user}`)), 5_000)
        const look = () => {
          const found = messages.find((m) => m.type === type && match(m as never))
          if (!found) return void waiters.push(look)
          clearTimeout(timer)
          resolve(found as never)
        }
        look()
      }),
    send: (message) => socket.send(JSON.stringify(message)),
  }
  return peer
}

beforeEach(async () => {
  data = tempDataDir()
  server = await startInProcessCollab(
    { dataDir: data.dir },
    { checkMembers: true, env: { TURN_URLS: 'turn:127.0.0.1:3478', TURN_SECRET } }
  )
})
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate()
  await server.close()
  data.remove()
})

describe('call signalling', () => {
  test('members meet, signals are relayed stamped with their sender, and each gets TURN credentials of their own', async () => {
    await member('user:ann', 'interviewer')
    await member('user:bob', 'candidate')
    const ann = await connect('user:ann')
    const annWelcome = await ann.next('welcome')
    expect(annWelcome.peers).toEqual([])
    expect(annWelcome.self).toMatchObject({ userId: 'user:ann', role: 'interviewer', canPublish: true })

    const bob = await connect('user:bob')
    const bobWelcome = await bob.next('welcome')
    expect(bobWelcome.peers.map((p) => p.userId)).toEqual(['user:ann'])
    const joined = await ann.next('joined')
    expect(joined.peer.peerId).toBe(bobWelcome.self.peerId)

    const turn = bobWelcome.ice.iceServers.find(
      (s) => s.urls === 'turn:127.0.0.1:3478' || s.urls[0] === 'turn:127.0.0.1:3478'
    )!
    expect(turn.username).toMatch(/^\d+:user_bob$/)
    expect(turn.credential).toBe(createHmac('sha1', TURN_SECRET).update(turn.username!).digest('base64'))
    expect(Number(turn.username!.split(':')[0]) * 1000).toBeGreaterThan(Date.now())

    bob.send({
      type: 'signal',
      to: annWelcome.self.peerId,
      payload: { description: { type: 'offer', sdp: OFFER_SENDS } },
    })
    const signal = await ann.next('signal')
    expect(signal.from).toBe(bobWelcome.self.peerId)
    expect(signal.payload.description?.sdp).toBe(OFFER_SENDS)

    bob.send({ type: 'state', muted: true })
    expect(await ann.next('state')).toEqual({ type: 'state', peerId: bobWelcome.self.peerId, muted: true })
    bob.socket.close()
    expect(await ann.next('left')).toEqual({ type: 'left', peerId: bobWelcome.self.peerId })
  })

  test('a stranger, a token for another room and no token are refused', async () => {
    await member('user:ann', 'interviewer', 'otherroom')
    expect(await closeCode((await connect('user:nobody')).socket)).toBe(CloseCode.Forbidden)
    expect(await closeCode((await connect('user:ann', { tokenRoom: 'otherroom' })).socket)).toBe(CloseCode.Forbidden)
    expect(await closeCode((await connect('user:ann', { token: null })).socket)).toBe(CloseCode.Unauthorized)
  })

  test('a removed member is cut off: at once when announced, and at their next frame when not', async () => {
    await member('user:ann', 'interviewer')
    await member('user:bob', 'candidate')
    await member('user:cat', 'candidate')
    const ann = await connect('user:ann')
    const bob = await connect('user:bob')
    const annId = (await ann.next('welcome')).self.peerId
    await bob.next('welcome')

    await server.directory.removeMember(ROOM, 'user:bob')
    await server.collab.announceAccessChange(ROOM, 'user:bob')
    expect(await closeCode(bob.socket)).toBe(CloseCode.AccessChanged)
    expect(await closeCode((await connect('user:bob')).socket)).toBe(CloseCode.Forbidden)

    // Removed behind the server's back (no announcement): the next frame after the role cache expires is checked.
    const cat = await connect('user:cat')
    const catId = (await cat.next('welcome')).self.peerId
    await server.directory.removeMember(ROOM, 'user:cat')
    await new Promise((resolve) => setTimeout(resolve, ROLE_CACHE_MS + 100))
    cat.send({ type: 'signal', to: annId, payload: { description: { type: 'offer', sdp: OFFER_SENDS } } })
    expect(await closeCode(cat.socket)).toBe(CloseCode.Forbidden)
    expect(await ann.next('left', (m) => m.peerId === catId)).toBeTruthy()
    expect(ann.messages.filter((m) => m.type === 'signal')).toEqual([])
  })

  test('an observer listens: its descriptions that would send audio are refused, listening ones pass', async () => {
    await member('user:ann', 'interviewer')
    await member('user:obs', 'observer')
    const ann = await connect('user:ann')
    const annId = (await ann.next('welcome')).self.peerId
    const obs = await connect('user:obs')
    const welcome = await obs.next('welcome')
    expect(welcome.self.canPublish).toBe(false)

    obs.send({ type: 'signal', to: annId, payload: { description: { type: 'answer', sdp: OFFER_SENDS } } })
    expect((await obs.next('refused')).reason).toMatch(/listen/)
    obs.send({ type: 'signal', to: annId, payload: { description: { type: 'answer', sdp: ANSWER_LISTENS } } })
    const relayed = await ann.next('signal')
    expect(relayed.payload.description?.sdp).toBe(ANSWER_LISTENS) // the refused one never arrived first
    expect(ann.messages.filter((m) => m.type === 'signal')).toHaveLength(1)
  })

  test(`past ${MAX_CALL_SPEAKERS} speakers, the next joins as a listener`, async () => {
    const peers: Peer[] = []
    for (let i = 0; i <= MAX_CALL_SPEAKERS; i++) {
      await member(`user:p${i}`, 'candidate')
      peers.push(await connect(`user:p${i}`))
    }
    const seats = await Promise.all(peers.map(async (p) => (await p.next('welcome')).self.canPublish))
    expect(seats).toEqual([...Array(MAX_CALL_SPEAKERS).fill(true), false])
  })

  test('bad frames close only the socket that sent them', async () => {
    await member('user:ann', 'interviewer')
    await member('user:bad', 'candidate')
    const ann = await connect('user:ann')
    const annId = (await ann.next('welcome')).self.peerId
    const cases: [string, (p: Peer) => void, number][] = [
      ['binary', (p) => p.socket.send(Buffer.from([1, 2, 3])), CloseCode.MalformedMessage],
      ['not JSON', (p) => p.socket.send('{"type":'), CloseCode.MalformedMessage],
      ['unknown type', (p) => p.send({ type: 'hello' }), CloseCode.MalformedMessage],
      [
        'bad peer id',
        (p) => p.send({ type: 'signal', to: '../x', payload: { candidate: null } }),
        CloseCode.MalformedMessage,
      ],
      ['extra field', (p) => p.send({ type: 'state', muted: true, name: 'Ann' }), CloseCode.MalformedMessage],
      [
        'oversized SDP',
        (p) =>
          p.send({ type: 'signal', to: annId, payload: { description: { type: 'offer', sdp: 'x'.repeat(20_000) } } }),
        CloseCode.MalformedMessage,
      ],
      ['frame over 32 KiB', (p) => p.socket.send('x'.repeat(40_000)), CloseCode.MessageTooBig],
      [
        'flood',
        (p) => {
          for (let i = 0; i < 300; i++) p.send({ type: 'state', muted: i % 2 === 0 })
        },
        CloseCode.RateLimited,
      ],
    ]
    for (const [name, act, code] of cases) {
      const bad = await connect('user:bad')
      await bad.next('welcome')
      act(bad)
      expect({ name, code: await closeCode(bad.socket) }).toEqual({ name, code })
    }
    // Ann's socket is untouched, and the server still serves.
    ann.send({ type: 'state', muted: true })
    const again = await connect('user:bad')
    expect((await again.next('welcome')).peers.map((p) => p.userId)).toEqual(['user:ann'])
    expect(ann.socket.readyState).toBe(WebSocket.OPEN)
  })
})
