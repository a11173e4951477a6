'use client'

import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { RoomDocConnection } from '@/lib/collab/RoomDocConnection'
import { fetchTicket } from '../board/fetchTicket'

/**
 * Keeps one of the room's side documents (`session` or `private`) open while
 * mounted and `enabled`, and re-renders on every change.
 *
 * @returns the doc once synced (null before, or when disabled or refused), and a change counter.
 */
export function useRoomDoc(collabUrl: string, roomId: string, doc: 'session' | 'private', enabled = true) {
  const [state, setState] = useState<{ doc: Y.Doc | null; version: number }>({ doc: null, version: 0 })
  useEffect(() => {
    if (!enabled) return
    const connection: RoomDocConnection = new RoomDocConnection({
      collabUrl,
      roomId,
      doc,
      fetchTicket: () => fetchTicket(roomId, doc),
      onChange: () =>
        setState((s) => ({
          doc: connection.synced && !connection.denied ? connection.doc : null,
          version: s.version + 1,
        })),
    })
    return () => {
      connection.dispose()
      setState((s) => ({ doc: null, version: s.version + 1 }))
    }
  }, [collabUrl, roomId, doc, enabled])
  return state
}
