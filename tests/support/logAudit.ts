import * as Y from 'yjs'
import type { LogEntry } from '@/server/storage/RoomStorage'

/**
 * Checks that no Yjs struct appears in two log entries (an edit logged
 * twice) and returns the doc the log rebuilds.
 */
export function auditLog(entries: LogEntry[]): { doc: Y.Doc; duplicates: string[] } {
  const seen = new Set<string>()
  const duplicates: string[] = []
  const doc = new Y.Doc()
  for (const entry of entries) {
    const { structs } = Y.decodeUpdate(entry.update)
    for (const struct of structs) {
      if (struct.constructor.name === 'Skip') continue
      for (let i = 0; i < struct.length; i++) {
        const id = `${struct.id.client}:${struct.id.clock + i}`
        if (seen.has(id)) duplicates.push(`${id} (seq ${entry.seq})`)
        seen.add(id)
      }
    }
    Y.applyUpdate(doc, entry.update)
  }
  return { doc, duplicates }
}
