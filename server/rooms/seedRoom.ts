import * as Y from 'yjs'
import type { TLSchema } from '@tldraw/tlschema'
import { seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import type { RoomStorage } from '../storage/RoomStorage'

/** Author recorded for updates the server writes itself (seeding a new room). */
export const SYSTEM_AUTHOR = 'system'

/**
 * Seeds an empty room, unless another server seeded it first (then its
 * seed is read from the log instead). Returns the log position reached.
 */
export async function seedRoom(
  doc: Y.Doc,
  roomId: string,
  storage: RoomStorage,
  schema: TLSchema,
  seq: number
): Promise<number> {
  const seedDoc = new Y.Doc()
  seedBoardDoc(seedDoc, schema)
  const update = Y.encodeStateAsUpdate(seedDoc)
  seedDoc.destroy()
  const entry = { time: Date.now(), author: SYSTEM_AUTHOR, update }
  const seeded = await storage.appendIfEmpty(roomId, entry)
  if (seeded !== null) {
    Y.applyUpdate(doc, update)
    return seeded
  }
  for (const logged of await storage.readLog(roomId, seq)) {
    Y.applyUpdate(doc, logged.update)
    seq = logged.seq
  }
  return seq
}
