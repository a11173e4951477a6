import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { decodeJwt, SignJWT } from 'jose'
import { CloseCode } from '@/lib/collab/closeCodes'
import type { Role } from '@/lib/access/roles'
import { COLLAB_MODES, startCluster, type CollabCluster } from '../support/collabModes'
import { connectProvider, eventually, synced } from '../support/providers'
import { probeWrite, RawPeer } from '../support/rawPeer'
import { TEST_AUTH_SECRET, testToken } from '../support/tokens'
import { auditLog } from '../support/logAudit'
import { probes } from '../support/boardProbes'

/**
 * Current facts decide access (README, Architecture: "Access is enforced by
 * the server, with current facts"): the token proves who
 * the client is; what they may do comes from their role in the room
 * directory now. Removal, demotion and expiry take effect on every server,
 * and old tokens open nothing they should not.
 *
 * Every "it did not get through" is proven with a barrier: after the
 * forbidden write, a legit member writes a probe that must reach a reader
 * (the room logs and sends updates in order), and only then is the forbidden
 * write checked for.
 */
let cluster: CollabCluster
const cleanups: (() => void)[] = []
/** Every directory lookup the servers made, with its time. */
const lookups: { user: string; at: number }[] = []

function client(room: string, user: string, on: 'writer' | 'reader') {
  const c = connectProvider(on === 'writer' ? cluster.writerUrl : cluster.readerUrl, room, { user })
  cleanups.push(c.destroy)
  return c
}

async function peer(url: string, room: string, token: string): Promise<RawPeer> {
  const p = await RawPeer.open(url, room, { token })
  cleanups.push(() => p.close())
  return p
}

const directory = () => cluster.servers[0]!.directory

async function member(room: string, userId: string, role: Role): Promise<void> {
  await directory().putMember(room, { userId, name: userId, role, joinedAt: Date.now() })
}

/** Writes `key` as the legit owner (on server A) and waits until the reader (on server B) has it. */
async function barrier(room: string, reader: ReturnType<typeof client>, key: string): Promise<void> {
  const owner = client(room, 'user:owner', 'writer')
  await synced(owner.provider)
  probes(owner.doc, 'probe').set(key, true)
  await eventually(() => probes(reader.doc, 'probe').has(key), 5_000, `probe ${key} to reach the reader`)
}

async function loggedKeys(room: string): Promise<string[]> {
  const { doc } = auditLog(await cluster.servers[0]!.storage.readLog(room))
  return [...probes(doc, 'probe').keys()]
}

describe.each(COLLAB_MODES)('current roles decide (%s)', (mode) => {
  beforeEach(async () => {
    lookups.length = 0
    cluster = await startCluster(mode, {
      currentRole: async (room, user) => {
        lookups.push({ user, at: Date.now() })
        return (await directory().getMember(room, user))?.role ?? null
      },
    })
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await cluster.close()
  })

  test('a removed member reconnecting with their old token is refused on every server and writes nothing', async () => {
    const room = 'removed-room-1'
    await member(room, 'user:owner', 'interviewer')
    await member(room, 'user:cand', 'candidate')
    const oldToken = await testToken(room, { user: 'user:cand', role: 'candidate' })
    const reader = client(room, 'user:owner', 'reader')
    await synced(reader.provider)
    const cand = await peer(cluster.writerUrl, room, oldToken)
    cand.send(probeWrite('while-member', true))
    await eventually(() => probes(reader.doc, 'probe').has('while-member'), 5_000, 'the candidate to write')

    await directory().removeMember(room, 'user:cand')
    await cluster.servers[0]!.collab.announceAccessChange(room, 'user:cand')
    expect(await cand.closed).toBe(CloseCode.AccessChanged)

    for (const [i, url] of [cluster.writerUrl, cluster.readerUrl].entries()) {
      const again = await peer(url, room, oldToken)
      again.send(probeWrite(`removed-${i}`, true))
      expect(await again.closed).toBe(CloseCode.Forbidden)
    }
    await barrier(room, reader, 'after-removal')
    expect([...probes(reader.doc, 'probe').keys()].sort()).toEqual(['after-removal', 'while-member'])
    expect((await loggedKeys(room)).sort()).toEqual(['after-removal', 'while-member'])
  })

  test('a candidate demoted to observer reconnects with the old token read-only, on every server', async () => {
    const room = 'demoted-room-1'
    await member(room, 'user:owner', 'interviewer')
    await member(room, 'user:cand', 'candidate')
    const oldToken = await testToken(room, { user: 'user:cand', role: 'candidate' })
    const reader = client(room, 'user:owner', 'reader')
    await synced(reader.provider)
    // First on the reader's server, so that server has the candidate role cached.
    const first = await peer(cluster.readerUrl, room, oldToken)
    first.send(probeWrite('as-candidate', true))
    await eventually(() => probes(reader.doc, 'probe').has('as-candidate'), 5_000, 'the candidate to write')

    // Demoted; announced on server A only: server B hears it through the bus.
    await member(room, 'user:cand', 'observer')
    await cluster.servers[0]!.collab.announceAccessChange(room, 'user:cand')
    expect(await first.closed).toBe(CloseCode.AccessChanged)

    const again = [await peer(cluster.readerUrl, room, oldToken), await peer(cluster.writerUrl, room, oldToken)]
    for (const [i, p] of again.entries()) {
      p.send(probeWrite(`as-observer-${i}`, true))
      await p.barrier()
    }
    await barrier(room, reader, 'after-demotion')
    // Still reading: the demoted sockets receive the probe…
    for (const p of again) await eventually(() => p.sawProbe('after-demotion'), 5_000, 'the observer to read')
    expect(again.every((p) => p.isOpen)).toBe(true)
    // …and their own writes reached nobody and were never logged.
    expect([...probes(reader.doc, 'probe').keys()].sort()).toEqual(['after-demotion', 'as-candidate'])
    expect((await loggedKeys(room)).sort()).toEqual(['after-demotion', 'as-candidate'])
  })

  test('a token without exp, and a valid token of someone who is not a member, are refused', async () => {
    const room = 'no-exp-room-1'
    await member(room, 'user:owner', 'interviewer')
    const noExp = await new SignJWT({ name: 'user:owner', room, role: 'interviewer' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user:owner')
      .setIssuedAt()
      .setAudience('mockboard-collab')
      .sign(new TextEncoder().encode(TEST_AUTH_SECRET))
    expect(await (await peer(cluster.writerUrl, room, noExp)).closed).toBe(CloseCode.Forbidden)
    const stranger = await testToken(room, { user: 'user:stranger', role: 'interviewer' })
    expect(await (await peer(cluster.readerUrl, room, stranger)).closed).toBe(CloseCode.Forbidden)
  })

  test('a connection outliving its token is re-validated: kept while the role holds, closed when it does not', async () => {
    const room = 'expiry-room-1'
    await member(room, 'user:owner', 'interviewer')
    for (const user of ['user:keep', 'user:gone', 'user:demoted']) await member(room, user, 'candidate')
    const reader = client(room, 'user:owner', 'reader')
    await synced(reader.provider)
    const token = (user: string) => testToken(room, { user, role: 'candidate', ttlSeconds: 2 })
    const keepToken = await token('user:keep')
    const expiresAt = decodeJwt(keepToken).exp! * 1000
    const keep = await peer(cluster.writerUrl, room, keepToken)
    const gone = await peer(cluster.writerUrl, room, await token('user:gone'))
    const demoted = await peer(cluster.readerUrl, room, await token('user:demoted'))

    // Changed without any announcement (as if it were lost): only the expiry check can notice.
    await directory().removeMember(room, 'user:gone')
    await member(room, 'user:demoted', 'observer')
    expect(await gone.closed).toBe(CloseCode.Forbidden)
    expect(await demoted.closed).toBe(CloseCode.AccessChanged)

    // The member whose role holds was looked up again at expiry and keeps writing.
    await eventually(
      () => lookups.some((l) => l.user === 'user:keep' && l.at >= expiresAt - 20),
      10_000,
      're-validation at expiry'
    )
    keep.send(probeWrite('after-expiry', true))
    await keep.barrier()
    await eventually(() => probes(reader.doc, 'probe').has('after-expiry'), 5_000, 'the kept write')
    expect(keep.isOpen).toBe(true)
  })
})
