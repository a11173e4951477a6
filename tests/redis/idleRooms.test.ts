/**
 * Many rooms, idle ones free (Redis mode, two in-process servers on one real
 * redis-server). No room reads its stream on a timer any more, so these prove
 * what the timer used to cover is still covered, and that idle rooms cost
 * Redis nothing:
 *
 * - a lost last message (dropped on B by the bus's test hook, so no later
 *   message reveals the hole) still reaches B's client, through A's heads
 *   announcement;
 * - after a reconnect, each server reads every room's log head in one batch
 *   and only the rooms that missed something read their stream (counted with
 *   `INFO commandstats`);
 * - over a window longer than the old timer, with every client renewing its
 *   cursor, MONITOR sees no command that touches an idle room; a room held by
 *   both servers still gets its renewals across (the window's barrier).
 */
import { afterEach, describe, expect, test } from 'vitest'
import Redis from 'ioredis'
import { startInProcessCollab, type InProcessCollab } from '../support/collabServers'
import { connectProvider, eventually, synced } from '../support/providers'
import { RedisServer } from '../support/redisServer'
import { probes } from '../support/boardProbes'
import { headsChannel } from '@/server/redis/redisKeys'

const PREFIX = 'mb:'
const cleanups: (() => Promise<unknown> | unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Whether `channel` is the update channel of `room`'s board. */
const isUpdates = (channel: string, room: string) => channel.endsWith(`{${room}}:up`)

async function setup(dropOnB: (channel: string) => boolean = () => false) {
  const redis = await RedisServer.start()
  cleanups.push(() => redis.destroy())
  const a = await startInProcessCollab({ redis: redis.config, serverId: 'a' })
  cleanups.push(() => a.close())
  const b = await startInProcessCollab({ redis: redis.config, serverId: 'b' }, { dropIncoming: dropOnB })
  cleanups.push(() => b.close())
  const admin = new Redis(redis.url)
  cleanups.push(() => admin.disconnect())
  return { redis, a, b, admin }
}

function client(server: InProcessCollab, room: string) {
  const c = connectProvider(server.url, room)
  cleanups.push(c.destroy)
  return c
}

/** Calls of each command so far (`INFO commandstats`). */
async function commandCalls(admin: Redis): Promise<Record<string, number>> {
  const calls: Record<string, number> = {}
  for (const match of (await admin.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    calls[match[1]!] = Number(match[2])
  }
  return calls
}

describe('idle rooms', () => {
  test("a lost last message still reaches the other server's client, through the writer's heads announcement", async () => {
    const room = 'tail-room'
    let dropping = false
    let dropped = 0
    const { a, b } = await setup((channel) => {
      if (!dropping || !isUpdates(channel, room)) return false
      dropped++
      return true
    })
    const writer = client(a, room)
    const reader = client(b, room)
    await Promise.all([synced(writer.provider), synced(reader.provider)])
    probes(writer.doc, 'edits').set('first', 1)
    await eventually(() => probes(reader.doc, 'edits').get('first') === 1, 5_000, 'the first edit on B')

    // From now on B hears nothing of the room's updates: the last one leaves no hole behind it.
    dropping = true
    probes(writer.doc, 'edits').set('tail', 2)
    await eventually(() => probes(reader.doc, 'edits').get('tail') === 2, 5_000, 'the lost tail on B')
    expect(dropped).toBe(1) // it was really lost, not late
  })

  test('a reconnect costs one batched head read per server; only rooms that missed something read their stream', async () => {
    const rooms = Array.from({ length: 12 }, (_, i) => `batch-${String(i).padStart(2, '0')}`)
    let partitioned = false
    const missed = new Set<string>()
    const { a, b, admin } = await setup((channel) => {
      // Heads announcements never reach B here: only the reconnect's catch-up can repair it.
      if (channel === headsChannel(PREFIX)) return true
      const room = rooms.find((r) => isUpdates(channel, r))
      if (!partitioned || !room) return false
      missed.add(room)
      return true
    })
    const writers = rooms.map((room) => client(a, room))
    const readers = rooms.map((room) => client(b, room))
    await Promise.all([...writers, ...readers].map((c) => synced(c.provider)))
    writers.forEach((w) => probes(w.doc, 'edits').set('before', 1))
    await eventually(() => readers.every((r) => probes(r.doc, 'edits').get('before') === 1), 5_000, 'every reader')

    partitioned = true
    writers.forEach((w) => probes(w.doc, 'edits').set('during', 2))
    await eventually(() => missed.size === rooms.length, 5_000, 'B to miss every room')
    // Nothing on B read a log meanwhile: no timer, and no room's load left a false hole behind (see LogFollower.start).
    expect(readers.some((r) => probes(r.doc, 'edits').has('during'))).toBe(false)

    const before = await commandCalls(admin)
    partitioned = false
    await admin.client('KILL', 'TYPE', 'pubsub')
    await eventually(
      () => readers.every((r) => probes(r.doc, 'edits').get('during') === 2),
      5_000,
      'every room repaired'
    )
    const after = await commandCalls(admin)
    const delta = (command: string) => (after[command] ?? 0) - (before[command] ?? 0)
    expect(delta('mget')).toBe(2) // one batch per server (A's rooms were all current)
    expect(delta('xrange')).toBe(rooms.length) // B's rooms, each once; none of A's
  })

  test('idle rooms cost Redis nothing: no command touches them over a window longer than the old 5 s timer', async () => {
    const idle = ['idle-a-0', 'idle-a-1', 'idle-a-2', 'idle-b-0', 'idle-b-1', 'idle-b-2']
    const { a, b, admin, redis } = await setup()
    const idleClients = idle.map((room) => client(room.startsWith('idle-a') ? a : b, room))
    // The control room is held by both servers: its renewals must still cross.
    const onA = client(a, 'shared-room')
    const onB = client(b, 'shared-room')
    const everyone = [...idleClients, onA, onB]
    await Promise.all(everyone.map((c) => synced(c.provider)))
    everyone.forEach((c, i) => c.provider.awareness.setLocalState({ u: `user${i}`, p: 'page', k: [i, i] }))
    await eventually(
      () =>
        onA.provider.awareness.getStates().has(onB.doc.clientID) &&
        onB.provider.awareness.getStates().has(onA.doc.clientID),
      5_000,
      'cursors across servers'
    )

    const watcher = new Redis(redis.url)
    cleanups.push(() => watcher.disconnect())
    const monitor = await watcher.monitor()
    cleanups.push(() => monitor.disconnect())
    const seen: string[][] = []
    monitor.on('monitor', (_time: string, args: string[]) => seen.push(args))
    const marker = async (name: string) => {
      await admin.echo(name)
      await eventually(() => seen.some((args) => args[0]?.toLowerCase() === 'echo' && args[1] === name), 5_000, name)
    }
    await marker('window-start')
    const start = seen.length
    await new Promise((resolve) => setTimeout(resolve, 6_000))
    // Every client renews its unchanged cursor, as y-protocols does every 15 s.
    for (const c of everyone) c.provider.awareness.setLocalState(c.provider.awareness.getLocalState())
    // Barrier: the shared room's renewals were published after the idle rooms' (same timers, same order).
    const renewed = (from: typeof onA, to: typeof onB) =>
      new Promise<void>((resolve) =>
        to.provider.awareness.on('update', ({ updated }: { updated: number[] }) => {
          if (updated.includes(from.doc.clientID)) resolve()
        })
      )
    await Promise.all([renewed(onA, onB), renewed(onB, onA)])
    await marker('window-end')

    const window = seen.slice(start)
    const touching = window.filter((args) => idle.some((room) => args.some((arg) => arg.includes(room))))
    expect(touching).toEqual([])
    expect(idle.every((room) => (room.startsWith('idle-a') ? a : b).collab.rooms.has(room))).toBe(true)
    // The window saw real traffic: the shared room's renewals, one from each server.
    const shared = window.filter((args) => args.some((arg) => arg.includes('{shared-room}:aw')))
    expect(shared.length).toBeGreaterThanOrEqual(2)
  })
})
