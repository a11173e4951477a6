'use client'

import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { RoomDocConnection } from '@/lib/collab/RoomDocConnection'
import type { CollabTicket } from '@/lib/collab/TicketedConnection'
import { ticketSource } from '../board/fetchTicket'

/**
 * Keeps one of the room's side documents (`session` or `private`) open while
 * mounted and `enabled`, and re-renders on every change; its first connect
 * uses `ticket` (rendered with the page) when there is one.
 *
 * @returns the doc once synced (null before, or when disabled or refused), and a change counter.
 */
export function useRoomDoc(
  collabUrl: string,
  roomId: string,
  doc: 'session' | 'private',
  enabled = true,
  ticket: CollabTicket | null = null
) {
  const [state, setState] = useState<{ doc: Y.Doc | null; version: number }>({ doc: null, version: 0 })
  // The page's ticket serves the first connect only; a new ticket never reopens the document.
  const pageTicket = useRef(ticket)
  useEffect(() => {
    if (!enabled) return
    const connection: RoomDocConnection = new RoomDocConnection({
      collabUrl,
      roomId,
      doc,
      fetchTicket: ticketSource(roomId, doc, pageTicket.current),
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
