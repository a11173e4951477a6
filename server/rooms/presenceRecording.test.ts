/**
 * What recorded cursors can cost, through the real server (sockets, the
 * presence gate, the room, the SQLite presence log); the rules are in
 * PresenceRecorder.ts and narrated with a fake clock in PresenceRecorder.test.ts.
 *
 * The bug: an observer's 8 sockets each sent a valid awareness state just
 * under 32 KiB (470 selected ids of 64 characters) ~6.7 times a second; the
 * server recorded 5 a second per socket, and the data dir grew 11.2 MB in
 * 10 s. The `<room>.presence` log counted against no quota.
 */
import { afterEach, describe, expect, test } from 'vitest'
import { startInProcessCollab, tempDataDir, type InProcessCollab } from '@/tests/support/collabServers'
import { connectProvider, eventually, synced } from '@/tests/support/providers'
import { awarenessFrame, RawPeer } from '@/tests/support/rawPeer'
import { probes } from '@/tests/support/boardProbes'
import { roomLogKey } from '../storage/roomLogKey'
import { RECORDED_SELECTION_BYTES } from './PresenceRecorder'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** 470 ids of 64 characters: a valid presence state just under the 32 KiB awareness limit. */
const SELECTION = Array.from({ length: 470 }, (_, i) => `${i}`.padEnd(64, 'x'))

let server: InProcessCollab
let data: ReturnType<typeof tempDataDir>
const cleanups: (() => void)[] = []

async function start(roomLogMaxBytes?: number) {
  data = tempDataDir()
  server = await startInProcessCollab({ dataDir: data.dir }, roomLogMaxBytes ? { roomLogMaxBytes } : {})
}

async function observer(room: string, user: string): Promise<RawPeer> {
  const peer = await RawPeer.open(server.url, room, { user, role: 'observer' })
  cleanups.push(() => peer.close())
  return peer
}

/** Each socket publishes its own cursor with the big selection, ~7 times a second for `ms`. */
async function flood(sockets: RawPeer[], ms: number): Promise<void> {
  for (let clock = 1; clock <= (ms / 1000) * 7; clock++) {
    sockets.forEach((socket, i) =>
      socket.send(
        awarenessFrame([{ clientId: 5000 + i, clock, state: { u: 'x', p: 'page', k: [clock, i], s: SELECTION } }])
      )
    )
    await sleep(1000 / 7)
  }
}

async function presenceBytes(room: string): Promise<number> {
  await server.collab.rooms.flushAll()
  return server.storage.logBytes(roomLogKey(room, 'presence'))
}

/**
 * Once the flooding sockets left, a writer still edits the board and a second
 * client sees it. (While they are there, a stock client would echo their big
 * states back in one frame over the 32 KiB awareness limit and be closed with
 * 4400: a separate problem, not this test's.)
 */
async function boardStillWorks(room: string, flooders: RawPeer[]) {
  for (const socket of flooders) socket.close()
  await Promise.all(flooders.map((socket) => socket.closed))
  const a = connectProvider(server.url, room, { user: 'user:writer' })
  const b = connectProvider(server.url, room, { user: 'user:reader', role: 'observer' })
  cleanups.push(a.destroy, b.destroy)
  await Promise.all([synced(a.provider), synced(b.provider)])
  probes(a.doc, 'probe').set('alive', room)
  await eventually(() => probes(b.doc, 'probe').get('alive') === room, 5_000, 'the edit to arrive')
}

describe('recorded presence quotas (real server)', () => {
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await server.close()
    data.remove()
  })

  test("one observer's sockets of 32 KiB states record about a cursor's worth, not 5 states a second each", async () => {
    await start()
    const room = 'presence-rec-user'
    const sockets = await Promise.all(Array.from({ length: 4 }, () => observer(room, 'user:obs')))
    const SECONDS = 3
    await flood(sockets, SECONDS * 1000)
    for (const socket of sockets) await socket.barrier()
    expect(sockets.every((socket) => socket.isOpen)).toBe(true) // valid states: nobody is closed for them

    // Before: 4 sockets × 5 a second × 3 s × ~32 KB ≈ 1.9 MB. Now: the user's selection budget, and one state a tick.
    const bytes = await presenceBytes(room)
    const states = (SECONDS + 1) * 5 + sockets.length
    expect(bytes).toBeLessThanOrEqual(
      RECORDED_SELECTION_BYTES.burst + RECORDED_SELECTION_BYTES.perSecond * (SECONDS + 1) + states * 1024
    )
    await boardStillWorks(room, sockets)
  })

  test("a room's presence log stops at its limit (ROOM_LOG_MAX_BYTES, counted apart); the board keeps working", async () => {
    const LIMIT = 256 * 1024
    await start(LIMIT)
    const room = 'presence-rec-room'
    // Three observers, each within their own budget: together they reach the room's limit in about a second.
    const sockets = await Promise.all(['user:o1', 'user:o2', 'user:o3'].map((user) => observer(room, user)))
    await flood(sockets, 2_000)
    const full = await presenceBytes(room)
    expect(full).toBeLessThanOrEqual(LIMIT)
    expect(full).toBeGreaterThan(LIMIT - 3 * 40 * 1024) // it recorded up to the limit (within one entry)

    await flood(sockets, 500)
    expect(await presenceBytes(room)).toBe(full)
    await boardStillWorks(room, sockets)
  })
})
