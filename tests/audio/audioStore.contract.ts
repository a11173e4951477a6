/**
 * The contract every `AudioStore` keeps, as one suite each implementation
 * runs (files on the embedded default, PostgreSQL with `DATABASE_URL`).
 *
 * What each part would catch:
 * - round trips: a setting or consent answer lost, or not replaced by a later one
 *   (a participant who changed their mind stays declined);
 * - chunk descriptions: a store that loses `at`, `offset` or `activity` (the
 *   replay then places a segment at the wrong time);
 * - a retried chunk: a second copy stored (the segment then plays a stretch twice),
 *   or the retry's bytes replacing the original's;
 * - concurrent chunks: two uploads of one chunk racing (a flaky network retries
 *   while the first is still in flight), on one server or two;
 * - track usage: another speaker's or session's bytes counted against a
 *   speaker's limit, or a stored chunk not recognised (a retry then 413s near the limit);
 * - segment order: chunks concatenated in arrival or text order (`10` before `2`);
 * - deletes: another session's or room's recordings deleted with the one asked for.
 */
import { afterEach, describe, expect, test } from 'vitest'
import type { AudioSessionKey, AudioStore, ChunkMeta } from '@/server/audio/AudioStore'

/** A store under test on empty storage, and its teardown. */
export interface OpenedAudioStore {
  store: AudioStore
  /** Another handle on the same recordings, as a second web server would open it (null: one server only). */
  another: (() => Promise<AudioStore>) | null
  /** Closes every handle and removes the data. */
  destroy(): Promise<void>
}

const key: AudioSessionKey = { roomId: 'room-abcdefgh', sessionId: 'session-abcdefgh' }
const OLGA = 'guest:olga'

/** Chunk `seq` of `segment` by `userId`, its description derived from `seq`. */
function meta(seq: number, userId = OLGA, segment = 'segment-1'): ChunkMeta {
  return { userId, segment, seq, at: 1_000 + seq, offset: 3_000 * (seq + 1), activity: 0.25, bytes: 3 }
}

/** Bytes that say which chunk (and which copy of it) they are. */
const bytes = (seq: number, copy = 0) => new Uint8Array([seq, copy, 255 - seq])

const read = async (store: AudioStore, userId = OLGA, segment = 'segment-1') => [
  ...((await store.readSegment(key, userId, segment)) ?? []),
]

/** Registers the AudioStore contract for the store `open` makes. */
export function describeAudioStoreContract(
  name: string,
  open: () => Promise<OpenedAudioStore>,
  /** Whether several web servers share the store (then a chunk raced from two of them is tested too). */
  { sharedByServers }: { sharedByServers: boolean }
): void {
  describe(`AudioStore contract: ${name}`, () => {
    let opened: OpenedAudioStore | null = null
    afterEach(async () => {
      await opened?.destroy()
      opened = null
    })
    const store = async () => (opened = await open()).store

    test('the recording setting and consent answers round-trip; a later one replaces the earlier', async () => {
      const s = await store()
      expect(await s.getRecording(key)).toBeNull()
      expect(await s.getConsent(key, 'guest:cid')).toBeNull()
      expect(await s.listConsents(key)).toEqual([])
      await s.putRecording(key, { on: true, sharedWithCandidate: false, at: 5 })
      await s.putRecording(key, { on: true, sharedWithCandidate: true, at: 7 })
      await s.putConsent(key, { userId: 'guest:cid', name: 'Cid', answer: 'declined', at: 6 })
      await s.putConsent(key, { userId: 'guest:cid', name: 'Cid', answer: 'accepted', at: 8 })
      await s.putConsent(key, { userId: OLGA, name: 'Olga', answer: 'declined', at: 9 })
      expect(await s.getRecording(key)).toEqual({ on: true, sharedWithCandidate: true, at: 7 })
      expect(await s.getConsent(key, 'guest:cid')).toEqual({
        userId: 'guest:cid',
        name: 'Cid',
        answer: 'accepted',
        at: 8,
      })
      const consents = (await s.listConsents(key)).sort((a, b) => a.at - b.at)
      expect(consents.map((c) => [c.userId, c.answer])).toEqual([
        ['guest:cid', 'accepted'],
        [OLGA, 'declined'],
      ])
      expect(await s.getRecording({ ...key, sessionId: 'session-other123' })).toBeNull()
    })

    test('chunks are listed with their descriptions, per author or all', async () => {
      const s = await store()
      expect(await s.listChunks(key)).toEqual([])
      expect(await s.putChunk(key, meta(1), bytes(1))).toBe(true)
      expect(await s.putChunk(key, meta(0), bytes(0))).toBe(true)
      expect(await s.putChunk(key, { ...meta(0, 'github:7'), activity: 0.5 }, bytes(7))).toBe(true)
      const sorted = (chunks: ChunkMeta[]) => chunks.sort((a, b) => a.seq - b.seq)
      expect(sorted(await s.listChunks(key, OLGA))).toEqual([meta(0), meta(1)])
      expect(await s.listChunks(key, 'github:7')).toEqual([{ ...meta(0, 'github:7'), activity: 0.5 }])
      expect((await s.listChunks(key)).map((c) => c.userId).sort()).toEqual(['github:7', OLGA, OLGA])
    })

    test("a speaker's usage counts only their chunks in this session, and knows which chunk is stored", async () => {
      const s = await store()
      expect(await s.trackUsage(key, OLGA, { segment: 'segment-1', seq: 0 })).toEqual({ bytes: 0, stored: false })
      await s.putChunk(key, meta(0), bytes(0))
      await s.putChunk(key, { ...meta(1), bytes: 40 }, new Uint8Array(40).fill(1))
      await s.putChunk(key, meta(0, OLGA, 'segment-2'), bytes(0))
      await s.putChunk(key, meta(0, 'github:7'), bytes(7))
      await s.putChunk({ ...key, sessionId: 'session-other123' }, meta(2), bytes(2))
      expect(await s.trackUsage(key, OLGA, { segment: 'segment-1', seq: 1 })).toEqual({ bytes: 46, stored: true })
      expect(await s.trackUsage(key, OLGA, { segment: 'segment-1', seq: 2 })).toEqual({ bytes: 46, stored: false })
      expect(await s.trackUsage(key, OLGA, { segment: 'segment-3', seq: 0 })).toEqual({ bytes: 46, stored: false })
      expect(await s.trackUsage(key, 'github:7', { segment: 'segment-1', seq: 0 })).toEqual({ bytes: 3, stored: true })
    })

    test('a retried chunk is stored once, with the first upload bytes', async () => {
      const s = await store()
      expect(await s.putChunk(key, meta(0), bytes(0))).toBe(true)
      expect(await s.putChunk(key, { ...meta(0), at: 9_999 }, bytes(0, 1))).toBe(false)
      expect(await s.listChunks(key)).toEqual([meta(0)])
      expect(await read(s)).toEqual([...bytes(0)])
    })

    test('concurrent chunks, each sent twice at once, make one segment in order', async () => {
      const s = await store()
      const seqs = Array.from({ length: 20 }, (_, i) => i)
      const stored = await Promise.all(
        seqs.flatMap((seq) => [0, 1].map((copy) => s.putChunk(key, meta(seq), bytes(seq, copy))))
      )
      expect(stored.filter(Boolean)).toHaveLength(20)
      expect((await s.listChunks(key)).map((c) => c.seq).sort((a, b) => a - b)).toEqual(seqs)
      const segment = await read(s)
      expect(segment).toHaveLength(60)
      expect(seqs.map((seq) => segment[seq * 3])).toEqual(seqs)
    })

    // Registered only for stores several servers share (a file store is one server's, or on storage all share).
    if (sharedByServers)
      test('one chunk raced from two servers is stored once', async () => {
        const first = await store()
        const second = await opened!.another!()
        const seqs = Array.from({ length: 10 }, (_, i) => i)
        const stored = await Promise.all(
          seqs.flatMap((seq) => [
            first.putChunk(key, meta(seq), bytes(seq, 0)),
            second.putChunk(key, meta(seq), bytes(seq, 1)),
          ])
        )
        expect(stored.filter(Boolean)).toHaveLength(10)
        expect(await second.listChunks(key)).toHaveLength(10)
        expect(await read(first)).toHaveLength(30)
      })

    test('a segment reads its chunks in sequence order, whatever order they came in; segments and authors apart', async () => {
      const s = await store()
      for (const seq of [10, 2, 0, 11, 1]) await s.putChunk(key, meta(seq), bytes(seq))
      await s.putChunk(key, meta(3, OLGA, 'segment-2'), bytes(3))
      await s.putChunk(key, meta(4, 'github:7'), bytes(4))
      expect(await read(s)).toEqual([0, 1, 2, 10, 11].flatMap((seq) => [...bytes(seq)]))
      expect(await read(s, OLGA, 'segment-2')).toEqual([...bytes(3)])
      expect(await read(s, 'github:7')).toEqual([...bytes(4)])
      expect(await s.readSegment(key, 'guest:nobody', 'segment-1')).toBeNull()
      expect(await s.readSegment(key, OLGA, 'segment-9')).toBeNull()
    })

    test('deleting a session deletes its setting, consents and chunks, and leaves the other sessions', async () => {
      const s = await store()
      const other: AudioSessionKey = { ...key, sessionId: 'session-other123' }
      for (const k of [key, other]) {
        await s.putRecording(k, { on: true, sharedWithCandidate: false, at: 1 })
        await s.putConsent(k, { userId: OLGA, name: 'Olga', answer: 'accepted', at: 2 })
        await s.putChunk(k, meta(0), bytes(0))
      }
      await s.deleteSession(key)
      expect(await s.getRecording(key)).toBeNull()
      expect(await s.listConsents(key)).toEqual([])
      expect(await s.listChunks(key)).toEqual([])
      expect(await s.readSegment(key, OLGA, 'segment-1')).toBeNull()
      expect(await s.getRecording(other)).not.toBeNull()
      expect(await s.listConsents(other)).toHaveLength(1)
      expect(await s.readSegment(other, OLGA, 'segment-1')).not.toBeNull()
      // A chunk of the deleted session may be uploaded again (a new upload, not a retry).
      expect(await s.putChunk(key, meta(0), bytes(0))).toBe(true)
    })

    test("deleting a room deletes every session's recordings in it, and leaves other rooms", async () => {
      const s = await store()
      const second: AudioSessionKey = { ...key, sessionId: 'session-second12' }
      const elsewhere: AudioSessionKey = { roomId: 'room-elsewhere', sessionId: key.sessionId }
      for (const k of [key, second, elsewhere]) {
        await s.putRecording(k, { on: true, sharedWithCandidate: false, at: 1 })
        await s.putConsent(k, { userId: OLGA, name: 'Olga', answer: 'accepted', at: 2 })
        await s.putChunk(k, meta(0), bytes(0))
      }
      await s.deleteRoom(key.roomId)
      for (const k of [key, second]) {
        expect(await s.getRecording(k)).toBeNull()
        expect(await s.listConsents(k)).toEqual([])
        expect(await s.listChunks(k)).toEqual([])
      }
      expect(await s.getRecording(elsewhere)).not.toBeNull()
      expect(await s.listChunks(elsewhere)).toEqual([meta(0)])
    })
  })
}
