/**
 * The contract every `RoomStorage` keeps, as one suite each implementation
 * runs (in the manner of tldraw's storage contract tests). A new store passes
 * this before the collab server may use it.
 *
 * What each part would catch:
 * - gapless sequence numbers: a store that skips or repeats a number (the
 *   LogFollower then waits forever on a hole, or applies one entry twice);
 * - racing `appendIfEmpty`: two servers both seeding a new room;
 * - `readLog` bounds and limits: an off-by-one that drops or repeats the entry
 *   at `afterSeq` when a room loads after its snapshot or catches up;
 * - `readLogPage` byte bounds: a page that passes its byte bound (replay then
 *   loads gigabytes for one request), comes back empty before a huge entry
 *   (the reader never gets past it), or says `more` wrongly (it stops early,
 *   or asks forever);
 * - `logBytes`: a count that misses entries appended by another server, or
 *   survives `deleteLog` (the room's log quota is then wrong);
 * - snapshot monotonicity: a late, older snapshot replacing a newer one (the
 *   room then loads without the entries between them);
 * - time semantics: stores that disagree on `time` (one used to stamp its own
 *   clock, one the caller's), or a log whose times go backwards (replay seeks
 *   by binary search over them);
 * - copies: a store that keeps the caller's buffer, which the caller reuses;
 * - `deleteLog`: a deleted board's log or snapshot left behind, or its
 *   counter, so a new room of that id would start past 1;
 * - `close()`: a call after close that hangs instead of failing.
 */
import { afterEach, describe, expect, test } from 'vitest'
import type { NewLogEntry, RoomStorage } from '@/server/storage/RoomStorage'

/** A storage under test, a second handle on the same data (another server), and its teardown. */
export interface OpenedStorage {
  storage: RoomStorage
  /** Opens another handle on the same rooms, as a second server would. */
  another(): Promise<RoomStorage>
  /** Closes every handle and removes the data. */
  destroy(): Promise<void>
}

/** How long a call may take before the suite calls it hung (a bound on failure, not a wait). */
const HANG_MS = 3_000

/** Resolves or rejects as `promise` does, or rejects if it has not settled within `ms`. */
function settledWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms)
  })
  return Promise.race([promise, hung]).finally(() => clearTimeout(timer))
}

function entry(time: number, author = 'user:a', bytes: number[] | Uint8Array = [1, 2, 3]): NewLogEntry {
  return { time, author, update: new Uint8Array(bytes) }
}

/** `size` bytes, each `fill` (so entries of one size still differ). */
function bytesOf(size: number, fill = 7): Uint8Array {
  return new Uint8Array(size).fill(fill)
}

/**
 * Registers the `RoomStorage` contract suite for one implementation. `open`
 * makes a fresh, empty store for each test.
 *
 * @example
 * ```ts
 * describeRoomStorageContract('MemoryRoomStorage', async () => {
 *   const storage = new MemoryRoomStorage()
 *   return { storage, another: async () => MemoryRoomStorage.sharing(storage), destroy: () => storage.close() }
 * })
 * ```
 */
export function describeRoomStorageContract(name: string, open: () => Promise<OpenedStorage>): void {
  describe(`RoomStorage contract: ${name}`, () => {
    let opened: OpenedStorage | null = null
    const fresh = async () => (opened = await open()).storage
    afterEach(async () => {
      await opened?.destroy()
      opened = null
    })

    test('sequence numbers start at 1 in each room and have no gaps, even under concurrent appends', async () => {
      const storage = await fresh()
      const seqs: number[] = []
      for (let i = 0; i < 6; i++) seqs.push(await storage.appendUpdate(i % 2 ? 'b' : 'a', entry(1_000 + i)))
      expect(seqs).toEqual([1, 1, 2, 2, 3, 3])
      const other = await opened!.another()
      const racing = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? other : storage).appendUpdate('c', entry(2_000 + i)))
      )
      expect([...racing].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
      expect((await storage.readLog('c')).map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    })

    test('racing appendIfEmpty from two servers: exactly one seeds the room', async () => {
      const storage = await fresh()
      const other = await opened!.another()
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? other : storage).appendIfEmpty('room', entry(1_000, `server:${i}`, [i]))
        )
      )
      expect(results.filter((r) => r === 1)).toHaveLength(1)
      expect(results.filter((r) => r === null)).toHaveLength(9)
      const log = await storage.readLog('room')
      expect(log).toHaveLength(1)
      expect(log[0]!.author).toBe(`server:${results.indexOf(1)}`)
      expect(await storage.appendUpdate('room', entry(1_001))).toBe(2)
      expect(await storage.appendIfEmpty('room', entry(1_002))).toBeNull()
    })

    test('an entry reads back as appended (seq, time, author, bytes), as a copy of the bytes given', async () => {
      const storage = await fresh()
      const bytes = new Uint8Array([0, 255, 7, 0])
      await storage.appendUpdate('room', { time: 1_700_000_000_123, author: 'guest:zoë', update: bytes })
      bytes.fill(9) // the caller reuses its buffer
      expect(await storage.readLog('room')).toEqual([
        { seq: 1, time: 1_700_000_000_123, author: 'guest:zoë', update: new Uint8Array([0, 255, 7, 0]) },
      ])
    })

    test('readLog: entries after afterSeq, oldest first, at most limit; out-of-range bounds give nothing', async () => {
      const storage = await fresh()
      for (let i = 1; i <= 10; i++) await storage.appendUpdate('room', entry(i, 'user:a', [i]))
      const seqs = async (afterSeq?: number, limit?: number) =>
        (await storage.readLog('room', afterSeq, limit)).map((e) => e.seq)
      expect(await seqs()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      expect(await seqs(0)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      expect(await seqs(3)).toEqual([4, 5, 6, 7, 8, 9, 10])
      expect(await seqs(3, 2)).toEqual([4, 5])
      expect(await seqs(0, 1)).toEqual([1])
      expect(await seqs(8, 5)).toEqual([9, 10])
      expect(await seqs(9)).toEqual([10])
      expect(await seqs(10)).toEqual([])
      expect(await seqs(50)).toEqual([])
      expect(await seqs(0, 0)).toEqual([])
      expect((await storage.readLog('room', 4, 1))[0]!.update).toEqual(new Uint8Array([5]))
      expect(await storage.readLog('no-such-room')).toEqual([])
    })

    test('readLogPage: bounded by entries and by update bytes, never empty while entries follow, says whether more follow', async () => {
      const storage = await fresh()
      const sizes = [100, 200, 300, 400, 5_000, 50, 50]
      for (const [i, size] of sizes.entries()) await storage.appendUpdate('room', entry(i, 'user:a', bytesOf(size, i)))
      const page = async (afterSeq: number, maxEntries: number, maxBytes: number) => {
        const { entries, more } = await storage.readLogPage('room', afterSeq, { maxEntries, maxBytes })
        return { seqs: entries.map((e) => e.seq), more }
      }
      expect(await page(0, 100, 1_000_000)).toEqual({ seqs: [1, 2, 3, 4, 5, 6, 7], more: false })
      expect(await page(0, 3, 1_000_000)).toEqual({ seqs: [1, 2, 3], more: true })
      expect(await page(0, 7, 1_000_000)).toEqual({ seqs: [1, 2, 3, 4, 5, 6, 7], more: false })
      // 100 + 200 + 300 = 600 fits 600 exactly; 1,000 would not fit 999.
      expect(await page(0, 100, 600)).toEqual({ seqs: [1, 2, 3], more: true })
      expect(await page(0, 100, 999)).toEqual({ seqs: [1, 2, 3], more: true })
      expect(await page(0, 100, 1_000)).toEqual({ seqs: [1, 2, 3, 4], more: true })
      // An entry larger than the bound comes alone, first: the reader always moves on.
      expect(await page(4, 100, 1_000)).toEqual({ seqs: [5], more: true })
      expect(await page(5, 100, 1_000)).toEqual({ seqs: [6, 7], more: false })
      expect(await page(0, 100, 1)).toEqual({ seqs: [1], more: true })
      expect(await page(7, 100, 1_000)).toEqual({ seqs: [], more: false })
      expect(await page(0, 100, 1_000)).toEqual({ seqs: [1, 2, 3, 4], more: true })
      const { entries } = await storage.readLogPage('room', 4, { maxEntries: 1, maxBytes: 1 })
      expect(entries[0]).toEqual({ seq: 5, time: 4, author: 'user:a', update: bytesOf(5_000, 4) })
      expect(await storage.readLogPage('no-such-room', 0, { maxEntries: 10, maxBytes: 10 })).toEqual({
        entries: [],
        more: false,
      })
    })

    test('logBytes: the update bytes of every entry, whichever server appended it; per room; 0 for none', async () => {
      const storage = await fresh()
      const other = await opened!.another()
      expect(await storage.logBytes('room')).toBe(0)
      expect(await storage.appendIfEmpty('room', entry(1, 'system', bytesOf(1_000)))).toBe(1)
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? other : storage).appendUpdate('room', entry(2, 'u', bytesOf(i + 1)))
        )
      )
      const expected = 1_000 + (20 * 21) / 2
      expect(await storage.logBytes('room')).toBe(expected)
      expect(await other.logBytes('room')).toBe(expected)
      expect(await storage.appendIfEmpty('room', entry(3, 'system', bytesOf(500)))).toBeNull() // refused: not counted
      expect(await storage.logBytes('room')).toBe(expected)
      await storage.appendUpdate('room.presence', entry(1, 'u', bytesOf(77)))
      expect(await storage.logBytes('room.presence')).toBe(77)
      expect(await storage.logBytes('room')).toBe(expected)
    })

    test('rooms are independent, whatever their names (documents and presence logs beside a board)', async () => {
      const storage = await fresh()
      for (const key of ['r', 'r.session', 'r.private', 'r.presence', 'r2']) {
        await storage.appendUpdate(key, entry(1, key))
      }
      await storage.appendUpdate('r', entry(2, 'r'))
      expect((await storage.readLog('r')).map((e) => e.author)).toEqual(['r', 'r'])
      expect((await storage.readLog('r.presence')).map((e) => [e.seq, e.author])).toEqual([[1, 'r.presence']])
    })

    test('snapshots only move forward: an older (or equal) one never replaces a newer', async () => {
      const storage = await fresh()
      for (let i = 1; i <= 8; i++) await storage.appendUpdate('room', entry(i, 'user:a', [i]))
      expect((await storage.loadRoom('room')).snapshot).toBeNull()
      await storage.saveSnapshot('room', { seq: 5, update: new Uint8Array([55]) })
      await storage.saveSnapshot('room', { seq: 3, update: new Uint8Array([33]) }) // late, older
      await storage.saveSnapshot('room', { seq: 5, update: new Uint8Array([56]) }) // same position
      const loaded = await storage.loadRoom('room')
      expect(loaded.snapshot).toEqual({ seq: 5, update: new Uint8Array([55]) })
      expect(loaded.entries.map((e) => e.seq)).toEqual([6, 7, 8])
      await storage.saveSnapshot('room', { seq: 8, update: new Uint8Array([88]) })
      expect(await storage.loadRoom('room')).toEqual({
        snapshot: { seq: 8, update: new Uint8Array([88]) },
        entries: [],
      })
      expect(await storage.loadRoom('empty')).toEqual({ snapshot: null, entries: [] })
    })

    test("time: the appending server's time is kept, raised to the previous entry's so it never decreases", async () => {
      // Pinned choice: every store keeps the time it is given (the accepting
      // server's clock; tests and the presence recorder may pass their own),
      // and a log's times never go backwards, whoever appends.
      const storage = await fresh()
      expect(await storage.appendIfEmpty('room', entry(1_000))).toBe(1)
      await storage.appendUpdate('room', entry(5_000))
      await storage.appendUpdate('room', entry(4_000)) // a server whose clock is behind
      await storage.appendUpdate('room', entry(6_000))
      expect((await storage.readLog('room')).map((e) => e.time)).toEqual([1_000, 5_000, 5_000, 6_000])
      await storage.appendUpdate('other', entry(10))
      expect((await storage.readLog('other'))[0]!.time).toBe(10) // per log, not across logs
    })

    test('deleteLog removes the log, its snapshot and its counter, and nothing else', async () => {
      const storage = await fresh()
      for (let i = 1; i <= 3; i++) await storage.appendUpdate('doomed', entry(i))
      await storage.saveSnapshot('doomed', { seq: 2, update: new Uint8Array([2]) })
      await storage.appendUpdate('kept', entry(1))
      await storage.deleteLog('doomed')
      expect(await storage.loadRoom('doomed')).toEqual({ snapshot: null, entries: [] })
      expect(await storage.logBytes('doomed')).toBe(0)
      expect(await storage.logBytes('kept')).toBe(3)
      expect(await storage.readLog('kept')).toHaveLength(1)
      // A room of that id starts again from 1, and may be seeded again.
      expect(await storage.appendIfEmpty('doomed', entry(9))).toBe(1)
      expect(await storage.logBytes('doomed')).toBe(3)
      await storage.deleteLog('never-existed')
    })

    test("a snapshot never claims a position past the log's end: a deleted board's room saving on unload stores nothing", async () => {
      // A walk deleted a board while its candidate drew: the room, unloading two seconds later, saved its snapshot
      // (the whole board, at seq 141) into a log deleted meanwhile, and the "deleted for good" board stayed on disk.
      const storage = await fresh()
      for (let i = 1; i <= 3; i++) await storage.appendUpdate('gone', entry(i))
      await storage.deleteLog('gone')
      await storage.saveSnapshot('gone', { seq: 3, update: new Uint8Array([3]) })
      expect(await storage.loadRoom('gone')).toEqual({ snapshot: null, entries: [] })
      await storage.saveSnapshot('never-existed', { seq: 1, update: new Uint8Array([1]) })
      expect(await storage.loadRoom('never-existed')).toEqual({ snapshot: null, entries: [] })
      // Up to the end it is kept, as before.
      await storage.appendUpdate('gone', entry(1))
      await storage.saveSnapshot('gone', { seq: 2, update: new Uint8Array([2]) })
      expect((await storage.loadRoom('gone')).snapshot).toBeNull()
      await storage.saveSnapshot('gone', { seq: 1, update: new Uint8Array([1]) })
      expect((await storage.loadRoom('gone')).snapshot).toEqual({ seq: 1, update: new Uint8Array([1]) })
    })

    test('after close() every call rejects promptly; none hangs', async () => {
      const storage = await fresh()
      await storage.appendUpdate('room', entry(1))
      await storage.ping()
      await storage.close()
      const calls: [string, () => Promise<unknown>][] = [
        ['appendUpdate', () => storage.appendUpdate('room', entry(2))],
        ['appendIfEmpty', () => storage.appendIfEmpty('new', entry(2))],
        ['readLog', () => storage.readLog('room')],
        ['readLogPage', () => storage.readLogPage('room', 0, { maxEntries: 10, maxBytes: 100 })],
        ['logBytes', () => storage.logBytes('room')],
        ['loadRoom', () => storage.loadRoom('room')],
        ['saveSnapshot', () => storage.saveSnapshot('room', { seq: 1, update: new Uint8Array([1]) })],
        ['deleteLog', () => storage.deleteLog('room')],
        ['ping', () => storage.ping()],
      ]
      for (const [what, call] of calls) {
        const outcome = await settledWithin(call(), HANG_MS, what).then(
          () => 'resolved',
          (error: unknown) => String(error)
        )
        expect(outcome, `${what} after close`).not.toBe('resolved')
        expect(outcome, `${what} after close`).not.toMatch(/did not settle/)
      }
      await storage.close() // closing twice is harmless
    })
  })
}
