import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import pino, { type Logger } from 'pino'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import { MemoryRoomStorage } from '../storage/MemoryRoomStorage'
import { roomLogKey } from '../storage/roomLogKey'
import { decodeRecordedPresence } from '@/lib/replay/recordedPresence'
import { PRESENCE_RECORD_HZ, PresenceRecorder, RECORDED_SELECTION_BYTES } from './PresenceRecorder'
import type { RoomPeer } from './RoomPeer'

const TICK_MS = 1000 / PRESENCE_RECORD_HZ

/** A connected user, as far as the recorder cares: one awareness client of theirs, applied with them as origin. */
function person(room: Awareness, userId: string) {
  const own = new Awareness(new Y.Doc())
  const peer: RoomPeer = { userId, userName: userId, canWrite: true, send: () => {}, close: () => {} }
  return {
    client: own.clientID,
    move(x: number, more: Record<string, unknown> = {}) {
      own.setLocalState({ u: userId, p: 'page', k: [x, 0], ...more })
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
    await recorder.flush()

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

describe('PresenceRecorder quotas', () => {
  let storage: MemoryRoomStorage
  let room: Awareness
  const recorders: PresenceRecorder[] = []

  beforeEach(() => {
    vi.useFakeTimers()
    storage = new MemoryRoomStorage()
    room = new Awareness(new Y.Doc())
    room.setLocalState(null)
  })
  afterEach(async () => {
    for (const recorder of recorders.splice(0)) await recorder.stop()
    vi.useRealTimers()
  })

  function record(roomId: string, options: { maxBytes?: number; logger?: Logger } = {}) {
    const recorder = new PresenceRecorder(room, {
      roomId,
      storage,
      logger: options.logger ?? pino({ level: 'silent' }),
      isPeer: (origin): origin is RoomPeer => typeof (origin as RoomPeer | null)?.userId === 'string',
      maxBytes: options.maxBytes,
    })
    recorders.push(recorder)
    return recorder
  }
  const entries = (roomId: string) => storage.readLog(roomLogKey(roomId, 'presence'))
  const logBytes = async (roomId: string) => (await entries(roomId)).reduce((sum, e) => sum + e.update.byteLength, 0)
  const samplesOf = async (roomId: string) => (await entries(roomId)).flatMap((entry) => decodeRecordedPresence(entry))
  /** A logger whose warnings the test reads. */
  const warnings = () => {
    const warn = vi.fn()
    return { warn, logger: { warn } as unknown as Logger }
  }

  it("records one user's many sockets of 32 KiB states at about a moving cursor's rate, each ending where it stopped", async () => {
    // The audit: 8 sockets of one observer, each sending a valid state just under 32 KiB (470 selected ids of
    // 64 characters) ~6.7 times a second, were recorded at 5 a second each: 11.2 MB in 10 s.
    const recorder = record('r1')
    const selection = Array.from({ length: 470 }, (_, i) => `${i}`.padEnd(64, 'x'))
    const sockets = Array.from({ length: 8 }, () => person(room, 'user:obs'))
    expect(JSON.stringify({ s: selection }).length).toBeGreaterThan(30_000)
    const SECONDS = 10
    for (let step = 1; step <= SECONDS * 7; step++) {
      for (const socket of sockets) socket.move(step, { s: selection })
      await vi.advanceTimersByTimeAsync(1000 / 7)
    }
    await vi.advanceTimersByTimeAsync(5_000) // every socket's last state, held back for its user, is written
    await recorder.flush()

    const samples = await samplesOf('r1')
    const bytes = await logBytes('r1')
    // At most one state of the user per tick (5 a second, plus the ones held back, written after)…
    expect(samples.length).toBeLessThanOrEqual(PRESENCE_RECORD_HZ * (SECONDS + 5) + 1)
    // …and selections only within the user's budget; the rest of a state is under 1 KiB.
    const budget = RECORDED_SELECTION_BYTES.burst + RECORDED_SELECTION_BYTES.perSecond * (SECONDS + 5)
    expect(bytes).toBeLessThanOrEqual(budget + samples.length * 1024)
    expect(bytes).toBeLessThan(600 * 1024) // against ~12 MB before
    // Every socket's cursor still ends where it stopped.
    for (const socket of sockets) {
      const last = samples.filter((sample) => sample.client === socket.client).at(-1)
      expect(last?.state).toMatchObject({ k: [SECONDS * 7, 0] })
    }
  })

  it("records a real person's cursor and selection whole, at most 5 a second", async () => {
    const recorder = record('r1')
    const ada = person(room, 'user:ada')
    const selection = Array.from({ length: 30 }, (_, i) => `shape${i}`.padEnd(21, 'a')) // tldraw ids: 21 characters
    for (let step = 1; step <= 60 * 20; step++) {
      ada.move(step, { s: selection }) // 20 Hz for a minute, dragging 30 shapes
      await vi.advanceTimersByTimeAsync(50)
    }
    await vi.advanceTimersByTimeAsync(1_000)
    await recorder.flush()

    const samples = await samplesOf('r1')
    expect(samples.length).toBeGreaterThanOrEqual(60 * PRESENCE_RECORD_HZ - 1)
    expect(samples.length).toBeLessThanOrEqual(60 * PRESENCE_RECORD_HZ + 2)
    expect(samples.every((sample) => (sample.state as { s?: string[] }).s?.length === 30)).toBe(true)
    expect(samples.at(-1)!.state).toMatchObject({ k: [1200, 0] })
  })

  it('stops recording a room whose presence log reached its limit, with one warning; the limit counts what is stored', async () => {
    const { warn, logger } = warnings()
    const recorder = record('r2', { maxBytes: 20_000, logger })
    const people = ['user:a', 'user:b', 'user:c'].map((user) => person(room, user))
    for (let step = 1; step <= 30 * 20; step++) {
      for (const p of people) p.move(step)
      await vi.advanceTimersByTimeAsync(50)
    }
    await recorder.flush()
    const full = await logBytes('r2')
    expect(full).toBeLessThanOrEqual(20_000)
    expect(full).toBeGreaterThan(19_000) // it recorded up to the limit
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]![1]).toMatch(/presence log reached its size limit/)
    for (const p of people) p.move(0)
    await vi.advanceTimersByTimeAsync(1_000)
    await recorder.flush()
    expect(await logBytes('r2')).toBe(full)

    // A room whose stored presence log is already at its limit (another load, another server) records nothing.
    await storage.appendUpdate(roomLogKey('r3', 'presence'), {
      time: 1,
      author: 'user:a',
      update: new Uint8Array(19_990),
    })
    const stored = warnings()
    const again = record('r3', { maxBytes: 20_000, logger: stored.logger })
    people[0]!.move(1)
    await vi.advanceTimersByTimeAsync(1_000)
    await again.flush()
    expect(await logBytes('r3')).toBe(19_990)
    expect(stored.warn).toHaveBeenCalledTimes(1)
  })

  it('a discarded recorder (its board was deleted) drops what waits for its tick and writes nothing more', async () => {
    const recorder = record('r4')
    const ada = person(room, 'user:ada')
    ada.move(1)
    await vi.advanceTimersByTimeAsync(1_000)
    await recorder.flush()
    const before = await logBytes('r4')
    expect(before).toBeGreaterThan(0)
    ada.move(2) // waits for the next tick
    recorder.discard()
    ada.move(3)
    await vi.advanceTimersByTimeAsync(1_000)
    await recorder.flush()
    await recorder.stop()
    expect(await logBytes('r4')).toBe(before)
  })
})
