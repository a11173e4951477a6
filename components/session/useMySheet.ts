'use client'

import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { SheetEdit } from '@/lib/rubric/rubricSheet'
import type { SheetView } from '@/lib/session/sessionView'
import { sessionApi } from './sessionApi'
import { SheetEditQueue, type EditStore, type PersistedEdits, type SheetEditState } from './sheetEditQueue'

/**
 * One queue per room and session for the life of the page, not per mount: edits still waiting keep
 * being retried when the tab or the session panel changes, and a later mount finds them instead of
 * starting a second queue that would race the first.
 */
const queues = new Map<string, SheetEditQueue>()
let author = ''

/**
 * Decision: unsent edits are kept in sessionStorage (this tab only, cleared when it closes), keyed by
 * room and session and tagged with the sheet's author id, and sent again after a reload once the
 * sheet has loaded for the same author. Every edit is safe to replay (scores, flags, ticks and the
 * recommendation set a value; notes carry their id, which the server never stores twice), so a reload
 * mid-send costs nothing, and a user who reloads while offline, or despite the `beforeunload`
 * warning, does not lose what they wrote. Not localStorage: another tab, or another person signing in
 * later on a shared computer, must never replay someone's edits; the author id guards a sign-out and
 * sign-in within the same tab. Shares and submits are not persisted: they are deliberate one-off
 * actions the user sees succeed or fail.
 */
function sessionStore(key: string): EditStore {
  const name = `mockboard:sheet-edits:${key}`
  return {
    read: () => {
      try {
        const raw = window.sessionStorage.getItem(name)
        return raw ? (JSON.parse(raw) as PersistedEdits) : null
      } catch {
        return null
      }
    },
    write: (value) => {
      try {
        if (value) window.sessionStorage.setItem(name, JSON.stringify(value))
        else window.sessionStorage.removeItem(name)
      } catch {
        // Storage full or blocked: the beforeunload warning still stands.
      }
    },
  }
}

function queueFor(roomId: string, sessionId: string): SheetEditQueue {
  const key = `${roomId}/${sessionId}`
  let queue = queues.get(key)
  if (!queue) {
    queue = new SheetEditQueue({
      send: (edit) => sessionApi.editSheet(roomId, sessionId, edit),
      fetch: () => sessionApi.sheet(roomId, sessionId),
      author: () => author,
      isOnline: () => navigator.onLine,
      store: sessionStore(key),
    })
    queues.set(key, queue)
  }
  return queue
}

const noQueue = () => () => undefined
const nothing = () => null

/**
 * The signed-in interviewer's own rubric sheet in a session, edited through the API. Each edit shows at
 * once and is queued ({@link SheetEditQueue}): sent in order, kept and retried (on `online`, with a
 * backoff, or on Retry) while the network or the server is down, rolled back with the server's
 * message when refused; a late load never overwrites local edits. The page warns before it is left
 * with edits unsent. `sheet` is null while loading or when the user has no sheet in this session.
 */
export function useMySheet(roomId: string, sessionId: string | null, enabled: boolean, authorName: string) {
  const queue = useMemo(
    () => (enabled && sessionId && typeof window !== 'undefined' ? queueFor(roomId, sessionId) : null),
    [roomId, sessionId, enabled]
  )
  const state: SheetEditState | null = useSyncExternalStore(
    queue?.subscribe ?? noQueue,
    queue?.getState ?? nothing,
    nothing
  )

  useEffect(() => {
    author = authorName
  }, [authorName])

  // Read the stored sheet whenever this sheet becomes ours to edit (a load already on its way is reused).
  useEffect(() => {
    if (queue) void queue.load()
  }, [queue])

  // Back online: send what waits now rather than at the end of the current pause.
  useEffect(() => {
    if (!queue) return
    const online = () => queue.retryNow()
    window.addEventListener('online', online)
    return () => window.removeEventListener('online', online)
  }, [queue])

  // Leaving with unsent edits: the browser's own "Leave site?" prompt (it shows its own text).
  const unsent = (state?.pending ?? 0) > 0
  useEffect(() => {
    if (!unsent) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [unsent])

  const edit = useCallback((change: SheetEdit) => queue?.edit(change), [queue])
  const retry = useCallback(() => {
    if (!queue) return
    queue.retryNow()
    if (!queue.getState().server) void queue.load()
  }, [queue])
  const act = useCallback(
    async (request: (roomId: string, sessionId: string) => Promise<SheetView>) => {
      if (queue && sessionId) await queue.action(() => request(roomId, sessionId))
    },
    [queue, roomId, sessionId]
  )
  const share = useCallback((shared: boolean) => act((r, s) => sessionApi.shareSheet(r, s, shared)), [act])
  const openToInterviewers = useCallback((open: boolean) => act((r, s) => sessionApi.openSheet(r, s, open)), [act])
  const submit = useCallback(() => act((r, s) => sessionApi.submitSheet(r, s)), [act])

  return {
    sheet: state?.view ?? null,
    edit,
    share,
    openToInterviewers,
    submit,
    retry,
    /** A request is on its way. */
    saving: state?.sending ?? false,
    /** Edits not yet confirmed by the server. */
    pending: state?.pending ?? 0,
    /** Why edits wait for a retry (`offline`, `unreachable`, `busy`), or null. */
    waiting: state?.waiting?.reason ?? null,
    /** The server's message for the last edit it refused (that edit was undone). */
    refused: state?.refused ?? null,
    loading: state?.loading ?? false,
    loadError: state?.loadError ?? null,
  }
}

/** What {@link useMySheet} returns. */
export type MySheet = ReturnType<typeof useMySheet>
