import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { CloseCode } from '@/lib/collab/closeCodes'
import type { Role } from '@/lib/access/roles'
import {
  COLLAB_MODES_WITH_CLUSTER,
  startCluster,
  stopSharedRedisCluster,
  type CollabCluster,
} from '../support/collabModes'
import { connectProvider, eventually, synced } from '../support/providers'
import { closeCode, openRawSocket } from '../support/rawClient'
import { testToken } from '../support/tokens'
import { auditLog } from '../support/logAudit'
import { socketBarrier } from '../support/rawPeer'
import { probes } from '../support/boardProbes'

/**
 * The server, not the UI, decides who may read and write (README,
 * Architecture: "Access is enforced by the server, with current facts"), with
 * each member's current role in the room directory. Whiteboards' "read-only"
 * links that are not read-only are what these tests guard against.
 */
let cluster: CollabCluster
const cleanups: (() => void)[] = []

function client(room: string, options: Parameters<typeof connectProvider>[2] = {}, on: 'writer' | 'reader' = 'writer') {
  const c = connectProvider(on === 'writer' ? cluster.writerUrl : cluster.readerUrl, room, options)
  cleanups.push(c.destroy)
  return c
}

async function member(room: string, userId: string, role: Role): Promise<void> {
  await cluster.servers[0]!.directory.putMember(room, { userId, name: userId, role, joinedAt: Date.now() })
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

afterAll(stopSharedRedisCluster)

describe.each(COLLAB_MODES_WITH_CLUSTER)('access (%s)', (mode) => {
  beforeEach(async () => {
    cluster = await startCluster(mode, { checkMembers: true })
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await cluster.close()
  })

  test("an observer's valid update is not applied, broadcast or logged, and the observer keeps reading", async () => {
    const room = 'observer-room-1'
    await member(room, 'user:cand', 'candidate')
    await member(room, 'user:tester', 'observer')
    await member(room, 'user:late', 'interviewer')
    const candidate = client(room, { user: 'user:cand', role: 'candidate' })
    await synced(candidate.provider)
    const observer = await openRawSocket(cluster.readerUrl, room, { role: 'observer' })
    const received: Uint8Array[] = []
    observer.on('message', (data: Buffer) => received.push(new Uint8Array(data)))

    // A well-formed Yjs update, crafted by hand as a hostile observer would.
    const crafted = new Y.Doc()
    crafted.getMap('tl_records').set('shape:sneaky', new Y.Map())
    observer.send(updateFrame(Y.encodeStateAsUpdate(crafted)))
    probes(candidate.doc, 'probe').set('after', 'observer tried')

    // The observer still reads: it receives the candidate's later edit…
    await eventually(() => received.some((f) => f[0] === 0 && f[1] === 2), 5_000, 'observer to receive an update')
    expect(observer.readyState).toBe(observer.OPEN)
    // …and nobody ever sees its own.
    const fresh = client(room, { user: 'user:late' }, 'reader')
    await synced(fresh.provider)
    await eventually(() => probes(fresh.doc, 'probe').get('after') === 'observer tried')
    expect(fresh.doc.getMap('tl_records').has('shape:sneaky')).toBe(false)
    expect(candidate.doc.getMap('tl_records').has('shape:sneaky')).toBe(false)
    const { doc: logged } = auditLog(await cluster.servers[0]!.storage.readLog(room))
    expect(logged.getMap('tl_records').has('shape:sneaky')).toBe(false)
  })

  test('nobody opens the retired private document, not even an interviewer (rubric sheets are API records)', async () => {
    const room = 'private-room-1'
    for (const [user, role] of [
      ['user:tester', 'interviewer'],
      ['user:cand', 'candidate'],
      ['user:obs', 'observer'],
    ] as const) {
      await member(room, user, role)
      const socket = await openRawSocket(cluster.writerUrl, room, {
        token: await testToken(room, { user, role }),
        path: `${room}/private`,
      })
      expect(await closeCode(socket), role).toBe(CloseCode.Forbidden)
    }
  })

  test.each([
    ['missing', null, CloseCode.Unauthorized],
    ['expired', 'expired', CloseCode.Unauthorized],
    ['forged', 'forged', CloseCode.Forbidden],
    ['for another room', 'other-room', CloseCode.Forbidden],
  ] as const)('a %s token is refused with its close code', async (_name, kind, expected) => {
    const room = 'token-room-01'
    await member(room, 'user:tester', 'interviewer')
    const token =
      kind === null
        ? null
        : kind === 'expired'
          ? await testToken(room, { ttlSeconds: -10 })
          : kind === 'forged'
            ? await testToken(room, { secret: 'not-the-server-secret' })
            : await testToken('some-other-room')
    const socket = await openRawSocket(cluster.writerUrl, room, { token })
    expect(await closeCode(socket)).toBe(expected)
  })

  test('a role change takes effect on the open connection at once', async () => {
    const room = 'role-change-room'
    await member(room, 'user:pat', 'candidate')
    await member(room, 'user:sam', 'interviewer')
    const person = client(room, { user: 'user:pat', role: 'candidate' })
    const other = client(room, { user: 'user:sam' }, 'reader')
    await Promise.all([synced(person.provider), synced(other.provider)])
    probes(person.doc, 'probe').set('as', 'candidate')
    await eventually(() => probes(other.doc, 'probe').get('as') === 'candidate')

    // The interviewer demotes Pat to observer: the directory changes and the
    // server closes Pat's connections on every server. Pat's client fetches a
    // new token (still saying candidate here: the server does not trust it).
    const closeCodes: number[] = []
    person.provider.on('connection-close', (event) => event && closeCodes.push(event.code))
    await member(room, 'user:pat', 'observer')
    await cluster.servers[0]!.collab.announceAccessChange(room, 'user:pat')
    await eventually(() => closeCodes.includes(CloseCode.AccessChanged), 5_000, 'connection to close with 4409')
    await eventually(() => person.provider.synced, 5_000, 'reconnect with the new role')

    // Pat's write as an observer, then a barrier that proves the server handled
    // it: a sync step 1 on the same socket is answered after it (frames of one
    // socket are handled in order); then Sam's probe must reach the reader.
    probes(person.doc, 'probe').set('as', 'observer')
    await socketBarrier(person.provider.ws!)
    const sam = client(room, { user: 'user:sam' })
    await synced(sam.provider)
    probes(sam.doc, 'probe').set('barrier', true)
    await eventually(() => probes(other.doc, 'probe').get('barrier') === true, 5_000, 'the probe')
    expect(probes(other.doc, 'probe').get('as')).toBe('candidate')
  })
})
