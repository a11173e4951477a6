import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { getRecordsMap, readDocSchema, yMapToRecord } from '@/lib/binding/yRecords'
import type { BoardSnapshot } from '@/lib/board/boardSnapshot'
import type { RoomStorage } from '../storage/RoomStorage'

/** Entries, and update bytes, read from the log at once (a log may hold 2 MiB updates). */
const CHUNK = 2000
const CHUNK_BYTES = 8 * 1024 * 1024

/**
 * The board as it was at log position `seq`, rebuilt from the room's log
 * (nothing is copied at the end of a session: the log already holds it).
 * Null when the log holds no board by then.
 */
export async function boardAt(storage: RoomStorage, roomId: string, seq: number): Promise<BoardSnapshot | null> {
  const doc = new Y.Doc()
  try {
    let after = 0
    while (after < seq) {
      const { entries } = await storage.readLogPage(roomId, after, {
        maxEntries: Math.min(CHUNK, seq - after),
        maxBytes: CHUNK_BYTES,
      })
      if (entries.length === 0) break
      Y.transact(doc, () => {
        for (const entry of entries) if (entry.seq <= seq) Y.applyUpdate(doc, entry.update)
      })
      after = entries.at(-1)!.seq
    }
    return boardOfDoc(doc)
  } finally {
    doc.destroy()
  }
}

/** The board a doc holds, without the participants' `user` records; null when it has no schema yet. */
export function boardOfDoc(doc: Y.Doc): BoardSnapshot | null {
  const schema = readDocSchema(doc)
  if (!schema) return null
  const store: Record<string, TLRecord> = {}
  getRecordsMap(doc).forEach((yRecord, id) => {
    // A client may write anything under an id; only maps are records.
    if (!(yRecord instanceof Y.Map)) return
    const record = yMapToRecord(yRecord)
    if (record.typeName !== 'user') store[id] = record
  })
  return { schema, store }
}
