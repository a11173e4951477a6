'use client'

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { Signal } from '@tldraw/state'
import type { TLUser } from '@tldraw/tlschema'
import type { Editor } from '@tldraw/editor'
import { CollabSession, type CollabSessionState } from '@/lib/collab/CollabSession'
import type { CollabTicket } from '@/lib/collab/TicketedConnection'
import { ticketSource } from './fetchTicket'

const LOADING: CollabSessionState = {
  store: null,
  connection: 'connecting',
  problem: null,
  role: null,
  denied: null,
  notice: null,
}

/**
 * Opens a {@link CollabSession} for the room while the component is mounted,
 * connecting first with `ticket` (rendered with the page) when it has one.
 *
 * @returns the session's state (store once synced, connection, problem,
 * quota notice), `reconnect` for after a quota close, and `mountEditor` to
 * call from tldraw's `onMount` (it loads the rest of a big board, makes page
 * deletes load it first, and returns the cleanup for `onMount` to return).
 */
export function useCollabSession(
  collabUrl: string,
  roomId: string,
  user: Signal<TLUser>,
  ticket: CollabTicket | null = null
): CollabSessionState & { reconnect: () => void; mountEditor: (editor: Editor) => () => void } {
  const [session, setSession] = useState<CollabSession | null>(null)
  // The page's ticket serves the first connect only; a new ticket never reopens the session.
  const pageTicket = useRef(ticket)
  useEffect(() => {
    const fetchTicket = ticketSource(roomId, 'board', pageTicket.current)
    const created = new CollabSession({ collabUrl, roomId, user, fetchTicket })
    // The session opens IndexedDB and window listeners, so it is made here (and disposed below), never in render; state hands it to render.
    setSession(created)
    return () => created.dispose()
  }, [collabUrl, roomId, user])
  const state = useSyncExternalStore(
    (listener) => session?.subscribe(listener) ?? (() => {}),
    () => session?.getState() ?? LOADING,
    () => LOADING
  )
  const reconnect = useCallback(() => session?.reconnect(), [session])
  const mountEditor = useCallback((editor: Editor) => session?.mountEditor(editor) ?? (() => {}), [session])
  return useMemo(() => ({ ...state, reconnect, mountEditor }), [state, reconnect, mountEditor])
}
