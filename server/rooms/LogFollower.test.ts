/**
 * LogFollower against an in-memory log, with announcements delivered as
 * pub/sub really delivers them: out of order, duplicated, some never, in
 * seeded random orders (a failing seed replays exactly). Timers are fake, so
 * "waits for the hole, then reads the log" is a step the test takes, not a
 * race it hopes to win.
 *
 * Bugs it would catch: applying an entry twice or out of log order, applying
 * our own append again, a hole that is never repaired (the doc silently
 * misses an edit), reading the log when nothing is missing, a lost tail that
 * an announced head reveals not being read (or read before the grace, or
 * over and over), and a failed read never being retried.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { MemoryRoomStorage } from '../storage/MemoryRoomStorage'
import { LogFollower } from './LogFollower'

const ROOM = 'room'
const GRACE_MS = 50
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8]

/** mulberry32: a tiny seeded PRNG. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** A writer (another server) appends `count` edits to the log; returns their updates by seq. */
async function writeLog(storage: MemoryRoomStorage, count: number): Promise<{ updates: Uint8Array[]; doc: Y.Doc }> {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 1; i <= count; i++) doc.getMap('edits').set(`e${i}`, i)
  for (const [i, update] of updates.entries()) {
    expect(await storage.appendUpdate(ROOM, { time: i, author: 'user:w', update })).toBe(i + 1)
  }
  return { updates, doc }
}

/** A follower whose applies go to its own doc, recording each apply and each log read. */
function follower(storage: MemoryRoomStorage) {
  const doc = new Y.Doc()
  const applied: { seq: number; via: 'bus' | 'log' }[] = []
  const reached = new Map<number, () => void>()
  let reads = 0
  const instance = new LogFollower({
    readLog: (afterSeq) => {
      reads++
      return storage.readLog(ROOM, afterSeq)
    },
    apply: (seq, update, via) => {
      applied.push({ seq, via })
      Y.applyUpdate(doc, update)
      reached.get(seq)?.()
    },
    gapGraceMs: GRACE_MS,
  })
  return {
    instance,
    doc,
    applied,
    get reads() {
      return reads
    },
    /** Resolves when entry `seq` is applied (an event, not a poll). */
    applies: (seq: number) => new Promise<void>((resolve) => reached.set(seq, resolve)),
  }
}

/** Each seq announced 1–3 times, in a seeded random order. */
function announcements(count: number, rand: () => number): number[] {
  const seqs = Array.from({ length: count }, (_, i) => i + 1)
  return shuffle(
    seqs.flatMap((seq) => Array.from({ length: 1 + Math.floor(rand() * 3) }, () => seq)),
    rand
  )
}

let storage: MemoryRoomStorage
beforeEach(() => {
  vi.useFakeTimers()
  storage = new MemoryRoomStorage()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('LogFollower', () => {
  test('in-order announcements are applied as they come, from the bus, with no log read', async () => {
    const { updates, doc } = await writeLog(storage, 20)
    const f = follower(storage)
    f.instance.start(0)
    updates.forEach((update, i) => f.instance.receive(i + 1, update))
    expect(f.applied).toEqual(updates.map((_, i) => ({ seq: i + 1, via: 'bus' })))
    expect(f.reads).toBe(0)
    expect(f.instance.position).toBe(20)
    expect(f.doc.getMap('edits').toJSON()).toEqual(doc.getMap('edits').toJSON())
  })

  test.each(SEEDS)(
    'seed %i: shuffled and duplicated announcements, some of them our own appends: each other entry applied once, in log order',
    async (seed) => {
      const rand = random(seed)
      const count = 40
      const { updates, doc } = await writeLog(storage, count)
      // About a quarter of the entries are this server's own appends: already in its doc.
      const own = new Set(Array.from({ length: count }, (_, i) => i + 1).filter(() => rand() < 0.25))
      const f = follower(storage)
      for (const seq of own) Y.applyUpdate(f.doc, updates[seq - 1]!)
      f.instance.start(0)
      for (const seq of announcements(count, rand)) {
        if (own.has(seq)) f.instance.markOwn(seq)
        else f.instance.receive(seq, updates[seq - 1]!)
      }
      const others = Array.from({ length: count }, (_, i) => i + 1).filter((seq) => !own.has(seq))
      expect(f.applied).toEqual(others.map((seq) => ({ seq, via: 'bus' })))
      expect(f.reads).toBe(0) // nothing was missing
      expect(f.instance.position).toBe(count)
      expect(f.doc.getMap('edits').toJSON()).toEqual(doc.getMap('edits').toJSON())
    }
  )

  test.each(SEEDS)(
    'seed %i: announcements received before start (loaded from the log) are not applied again, nor read again',
    async (seed) => {
      const rand = random(seed)
      const count = 30
      const { updates, doc } = await writeLog(storage, count)
      const order = announcements(count, rand)
      const early = Math.floor(rand() * order.length)
      const f = follower(storage)
      for (const seq of order.slice(0, early)) f.instance.receive(seq, updates[seq - 1]!)
      // The room loads the log as it stands, then starts following from there.
      const loaded = Math.floor(rand() * count)
      for (const entry of await storage.readLog(ROOM, 0, loaded)) Y.applyUpdate(f.doc, entry.update)
      f.instance.start(loaded)
      for (const seq of order.slice(early)) f.instance.receive(seq, updates[seq - 1]!)
      const expected = Array.from({ length: count - loaded }, (_, i) => loaded + i + 1)
      expect(f.applied.map((a) => a.seq)).toEqual(expected)
      expect(f.instance.position).toBe(count)
      // Nothing is missing: an early announcement the load already covered is no hole to read.
      await vi.advanceTimersByTimeAsync(GRACE_MS)
      expect(f.reads).toBe(0)
      expect(f.doc.getMap('edits').toJSON()).toEqual(doc.getMap('edits').toJSON())
    }
  )

  test.each(SEEDS)(
    'seed %i: missing announcements: the follower waits out the grace period, then repairs every hole from the log',
    async (seed) => {
      const rand = random(seed)
      const count = 40
      const { updates, doc } = await writeLog(storage, count)
      // Pub/sub drops about a third; the last entry is announced, so a hole is visible.
      const lost = new Set(Array.from({ length: count - 1 }, (_, i) => i + 1).filter(() => rand() < 0.33))
      lost.add(1 + Math.floor(rand() * (count - 1))) // at least one
      const f = follower(storage)
      f.instance.start(0)
      for (const seq of announcements(count, rand)) if (!lost.has(seq)) f.instance.receive(seq, updates[seq - 1]!)
      const firstHole = Math.min(...lost)
      // Within the grace period the hole may be our own append in flight: no read yet.
      expect(f.instance.position).toBe(firstHole - 1)
      expect(f.reads).toBe(0)

      const repaired = f.applies(count)
      await vi.advanceTimersByTimeAsync(GRACE_MS)
      await repaired
      expect(f.reads).toBe(1)
      expect(f.applied.map((a) => a.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1))
      for (const seq of lost) expect(f.applied.find((a) => a.seq === seq)?.via).toBe('log')
      expect(f.instance.position).toBe(count)
      expect(f.doc.getMap('edits').toJSON()).toEqual(doc.getMap('edits').toJSON())
    }
  )

  test('a lost tail shows no hole; an explicit catch-up reads it from the log', async () => {
    const { updates, doc } = await writeLog(storage, 10)
    const f = follower(storage)
    f.instance.start(0)
    updates.slice(0, 7).forEach((update, i) => f.instance.receive(i + 1, update))
    await vi.advanceTimersByTimeAsync(10 * GRACE_MS)
    expect(f.instance.position).toBe(7) // nothing announced past the loss, so nothing to notice
    expect(f.reads).toBe(0)

    await f.instance.catchUp()
    expect(f.applied.slice(7)).toEqual([
      { seq: 8, via: 'log' },
      { seq: 9, via: 'log' },
      { seq: 10, via: 'log' },
    ])
    expect(f.doc.getMap('edits').toJSON()).toEqual(doc.getMap('edits').toJSON())
    // A late announcement of a repaired entry changes nothing.
    f.instance.receive(9, updates[8]!)
    expect(f.applied).toHaveLength(10)
  })

  test('a lost tail is read once its head is announced, after the grace; a head already reached reads nothing', async () => {
    const { updates, doc } = await writeLog(storage, 10)
    const f = follower(storage)
    f.instance.start(0)
    updates.slice(0, 7).forEach((update, i) => f.instance.receive(i + 1, update))
    f.instance.noteHead(7) // what the writer's announcement says when nothing was lost
    await vi.advanceTimersByTimeAsync(10 * GRACE_MS)
    expect(f.reads).toBe(0)

    f.instance.noteHead(10)
    // The announcement may overtake its messages (another connection): no read within the grace.
    await vi.advanceTimersByTimeAsync(GRACE_MS - 1)
    expect(f.reads).toBe(0)
    const repaired = f.applies(10)
    await vi.advanceTimersByTimeAsync(1)
    await repaired
    expect(f.reads).toBe(1)
    expect(f.applied.slice(7).map((a) => a.via)).toEqual(['log', 'log', 'log'])
    expect(f.doc.getMap('edits').toJSON()).toEqual(doc.getMap('edits').toJSON())

    // Announced again (it is repeated for a few seconds): already there, nothing read.
    f.instance.noteHead(10)
    await vi.advanceTimersByTimeAsync(10 * GRACE_MS)
    expect(f.reads).toBe(1)
  })

  test('a head whose messages arrive within the grace costs no read', async () => {
    const { updates } = await writeLog(storage, 3)
    const f = follower(storage)
    f.instance.start(0)
    f.instance.noteHead(3)
    updates.forEach((update, i) => f.instance.receive(i + 1, update))
    await vi.advanceTimersByTimeAsync(10 * GRACE_MS)
    expect(f.reads).toBe(0)
    expect(f.applied.map((a) => a.via)).toEqual(['bus', 'bus', 'bus'])
  })

  test('a failed read is retried later until the hole is filled', async () => {
    const { doc } = await writeLog(storage, 4)
    const errors: unknown[] = []
    let failures = 2
    let reads = 0
    const mirror = new Y.Doc()
    const f = new LogFollower({
      readLog: async (afterSeq) => {
        reads++
        if (failures-- > 0) throw new Error('redis away')
        return storage.readLog(ROOM, afterSeq)
      },
      apply: (_seq, update) => Y.applyUpdate(mirror, update),
      gapGraceMs: GRACE_MS,
      retryMs: 1_000,
      onError: (error) => errors.push(error),
    })
    f.start(0)
    f.noteHead(4)
    await vi.advanceTimersByTimeAsync(GRACE_MS)
    expect(reads).toBe(1)
    await vi.advanceTimersByTimeAsync(999)
    expect(reads).toBe(1) // not hammering a Redis that is away
    await vi.advanceTimersByTimeAsync(1)
    expect(reads).toBe(2)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(reads).toBe(3)
    expect(errors).toHaveLength(2)
    expect(f.position).toBe(4)
    expect(mirror.getMap('edits').toJSON()).toEqual(doc.getMap('edits').toJSON())
    await vi.advanceTimersByTimeAsync(10_000)
    expect(reads).toBe(3)
  })
})
