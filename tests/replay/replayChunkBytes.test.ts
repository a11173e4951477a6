/**
 * Replay chunks are bounded by bytes, not only by entries. The audit's room:
 * 200 updates of ~2 MiB, after which `/replay/log?stream=board&limit=2000`
 * built a >2 GB string and answered 500, for good. Such a log (written
 * before the collab quotas existed, so straight into storage here) must
 * replay chunk by chunk, each at most MAX_REPLAY_CHUNK_BYTES of updates
 * (or one entry), with every entry once and in order.
 */
import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { MAX_REPLAY_CHUNK, MAX_REPLAY_CHUNK_BYTES } from '@/server/replay/ReplayService'
import { deploySessions, type SessionDeployment } from '../support/sessionDeployment'

const olga = { userId: 'guest:olga', name: 'Olga' }
const MiB = 1024 * 1024

let deployment: SessionDeployment | null = null
afterEach(async () => {
  await deployment?.close()
  deployment = null
})

/** A real board update setting `key` to a string of about `bytes` bytes. */
function bigUpdate(key: string, bytes: number): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('pasted').set(key, 'x'.repeat(bytes))
  return Y.encodeStateAsUpdate(doc)
}

describe.each(['embedded', 'redis'] as const)('replay chunks bounded by bytes (%s)', (mode) => {
  test('a log of 2 MiB updates among small ones replays in chunks of at most 8 MiB, every entry once', async () => {
    const d = (deployment = await deploySessions(mode, Date.now()))
    const { roomId } = await d.access.createRoom(olga)
    // 30 updates of 2 MiB (60 MiB), each between 100 small ones.
    let appended = 0
    for (let big = 0; big < 30; big++) {
      for (let i = 0; i < 100; i++) {
        await d.storage.appendUpdate(roomId, {
          time: Date.now(),
          author: 'user:x',
          update: bigUpdate(`s${big}-${i}`, 40),
        })
        appended++
      }
      await d.storage.appendUpdate(roomId, {
        time: Date.now(),
        author: 'user:x',
        update: bigUpdate(`b${big}`, 2 * MiB),
      })
      appended++
    }

    const chunks: { entries: number; updateBytes: number; jsonBytes: number }[] = []
    const seqs: number[] = []
    for (let after = 0; ;) {
      const chunk = await d.replay.log(roomId, olga, 'board', after, MAX_REPLAY_CHUNK, null)
      const updateBytes = chunk.entries.reduce((sum, e) => sum + Buffer.from(e.data, 'base64').byteLength, 0)
      chunks.push({ entries: chunk.entries.length, updateBytes, jsonBytes: JSON.stringify(chunk).length })
      seqs.push(...chunk.entries.map((e) => e.seq))
      if (chunk.done) break
      expect(chunk.entries.length, 'a chunk that is not the last is never empty').toBeGreaterThan(0)
      after = chunk.entries.at(-1)!.seq
    }
    console.log(
      `[${mode}] ${appended} entries (${seqs.length} read) in ${chunks.length} chunks; update MiB per chunk: ` +
        chunks.map((c) => `${c.entries}e/${(c.updateBytes / MiB).toFixed(2)}`).join(', ') +
        `; largest JSON answer ${(Math.max(...chunks.map((c) => c.jsonBytes)) / MiB).toFixed(1)} MiB`
    )
    for (const chunk of chunks) {
      if (chunk.entries > 1) expect(chunk.updateBytes).toBeLessThanOrEqual(MAX_REPLAY_CHUNK_BYTES)
      expect(chunk.jsonBytes).toBeLessThan(12 * MiB)
    }
    // The seed, then every appended entry, once and in order.
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1))
    expect(seqs.length).toBeGreaterThanOrEqual(appended)
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil((60 * MiB) / MAX_REPLAY_CHUNK_BYTES))
  }, 60_000)
})
