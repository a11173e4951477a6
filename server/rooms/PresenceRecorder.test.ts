import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import pino from 'pino'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import { MemoryRoomStorage } from '../storage/MemoryRoomStorage'
import { roomLogKey } from '../storage/roomLogKey'
import { decodeRecordedPresence } from '@/lib/replay/recordedPresence'
import { PRESENCE_RECORD_HZ, PresenceRecorder } from './PresenceRecorder'
import type { RoomPeer } from './RoomPeer'

const TICK_MS = 1000 / PRESENCE_RECORD_HZ

/** A connected user, as far as the recorder cares: one awareness client of theirs, applied with them as origin. */
function person(room: Awareness, userId: string) {
  const own = new Awareness(new Y.Doc())
  const peer: RoomPeer = { userId, userName: userId, canWrite: true, send: () => {}, close: () => {} }
  return {
    client: own.clientID,
    move(x: number) {
      own.setLocalState({ u: userId, p: 'page', k: [x, 0] })
      applyAwarenessUpdate(room, encodeAwarenessUpdate(own, [own.clientID]), peer)
    },
    leave() {
      removeAwarenessStates(own, [own.clientID], 'leaving')
      applyAwarenessUpdate(room, encodeAwarenessUpdate(own, [own.clientID]), peer)
    },
  }
}

describe('PresenceRecorder', () => {
  let storage: MemoryRoomStorage
  let room: Awareness
  let recorder: PresenceRecorder

  beforeEach(() => {
    vi.useFakeTimers()
    storage = new MemoryRoomStorage()
    room = new Awareness(new Y.Doc())
    room.setLocalState(null)
    recorder = new PresenceRecorder(room, {
      roomId: 'r1',
      storage,
      logger: pino({ level: 'silent' }),
      isPeer: (origin): origin is RoomPeer => typeof (origin as RoomPeer | null)?.userId === 'string',
    })
  })
  afterEach(() => vi.useRealTimers())

  const recorded = async () =>
    (await storage.readLog(roomLogKey('r1', 'presence'))).flatMap((entry) => decodeRecordedPresence(entry))

  it('writes one entry a tick for the whole room, each cursor at most once a tick, ending where it stopped', async () => {
    // The bug: every cursor had its own 5 Hz slot and its own append, so 50 people moving cost
    // 250 appends a second, a fifth of a busy room's server and Redis CPU.
    const people = Array.from({ length: 50 }, (_, i) => person(room, `user:${i}`))
    for (let step = 1; step <= 20; step++) {
      for (const p of people) p.move(step * 10) // 20 Hz for a second
      await vi.advanceTimersByTimeAsync(50)
    }
    await vi.advanceTimersByTimeAsync(TICK_MS)
    await recorder.flushed()

    const entries = await storage.readLog(roomLogKey('r1', 'presence'))
    expect(entries.length).toBeGreaterThanOrEqual(PRESENCE_RECORD_HZ)
    expect(entries.length).toBeLessThanOrEqual(PRESENCE_RECORD_HZ + 1)
    const samples = await recorded()
    for (const p of people) {
      const mine = samples.filter((s) => s.client === p.client)
      expect(mine.length).toBeLessThanOrEqual(PRESENCE_RECORD_HZ + 1)
      expect(mine.at(-1)!.state).toMatchObject({ k: [200, 0] }) // the final position
      expect(new Set(mine.map((s) => s.author))).toEqual(new Set([`user:${people.indexOf(p)}`]))
    }
    // Each state keeps the time it was taken, not its tick's: the replay shows it when it happened.
    const first = samples.filter((s) => s.client === people[0]!.client)[0]!
    expect(first.time).toBe(entries[0]!.time)
    expect(samples.map((s) => s.time)).toEqual([...samples.map((s) => s.time)].sort((a, b) => a - b))
  })

  it('records a leave, and stop() writes what waits for its tick', async () => {
    const ada = person(room, 'user:ada')
    const bo = person(room, 'user:bo')
    ada.move(1)
    await vi.advanceTimersByTimeAsync(0) // the first change of a quiet room is written at once
    ada.move(2)
    bo.move(7)
    ada.leave()
    await recorder.stop()

    const samples = await recorded()
    expect(samples.map((s) => [s.author, (s.state as { k?: number[] } | null)?.k?.[0] ?? null])).toEqual([
      ['user:ada', 1],
      ['user:ada', null], // moved, then left: its last state in that tick is its leaving
      ['user:bo', 7],
    ])
    bo.move(8) // stopped: nothing more is recorded
    await vi.advanceTimersByTimeAsync(TICK_MS * 2)
    expect(await recorded()).toHaveLength(3)
  })
})
