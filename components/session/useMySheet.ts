'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { applySheetEdit, type SheetEdit } from '@/lib/rubric/rubricSheet'
import type { SheetView } from '@/lib/session/sessionView'
import { sessionApi } from './sessionApi'

/**
 * The signed-in interviewer's own rubric sheet in a session, edited through
 * the API: each edit shows at once (applied locally) and is sent as one
 * operation; the server's answer, the stored sheet, replaces the local copy.
 * Null while loading or when the user has no sheet in this session.
 */
export function useMySheet(roomId: string, sessionId: string | null, enabled: boolean, author: string) {
  // The sheet with what it was loaded for: another session (or the sheet no longer ours) drops it during render.
  const [loaded, setLoaded] = useState({ for: { roomId, sessionId, enabled }, sheet: null as SheetView | null })
  if (loaded.for.roomId !== roomId || loaded.for.sessionId !== sessionId || loaded.for.enabled !== enabled) {
    setLoaded({ for: { roomId, sessionId, enabled }, sheet: null })
  }
  const sheet = loaded.sheet
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(0)
  const pending = useRef(Promise.resolve())
  useEffect(() => {
    if (!enabled || !sessionId) return
    let stale = false
    sessionApi.sheet(roomId, sessionId).then(
      // Never lands on another session's sheet, even between the reset and this effect's cleanup.
      (s) =>
        !stale &&
        setLoaded((l) =>
          l.for.roomId === roomId && l.for.sessionId === sessionId && l.for.enabled ? { ...l, sheet: s } : l
        ),
      () => undefined
    )
    return () => {
      stale = true
    }
  }, [roomId, sessionId, enabled])

  /** Sends a request after the ones before it, so edits reach the server in the order they were made. */
  const queue = useCallback((request: () => Promise<SheetView>) => {
    setSaving((n) => n + 1)
    setError(null)
    const run = pending.current.then(request).then(
      (stored) => setLoaded((l) => ({ ...l, sheet: stored })),
      (e: unknown) => {
        setError((e as Error).message)
        throw e
      }
    )
    pending.current = run.catch(() => undefined).finally(() => setSaving((n) => n - 1))
    // Rejects when this request failed (after the error shows), so callers can tell the user.
    return run
  }, [])

  const edit = useCallback(
    (change: SheetEdit) => {
      if (!sessionId) return
      setLoaded((l) =>
        l.sheet ? { ...l, sheet: { ...l.sheet, sheet: applySheetEdit(l.sheet.sheet, change, author) } } : l
      )
      // A failed edit shows as "Not saved" under the sheet.
      queue(() => sessionApi.editSheet(roomId, sessionId, change)).catch(() => undefined)
    },
    [roomId, sessionId, author, queue]
  )
  const share = useCallback(
    async (shared: boolean) => {
      if (sessionId) await queue(() => sessionApi.shareSheet(roomId, sessionId, shared))
    },
    [roomId, sessionId, queue]
  )
  const openToInterviewers = useCallback(
    async (open: boolean) => {
      if (sessionId) await queue(() => sessionApi.openSheet(roomId, sessionId, open))
    },
    [roomId, sessionId, queue]
  )
  const submit = useCallback(async () => {
    if (sessionId) await queue(() => sessionApi.submitSheet(roomId, sessionId))
  }, [roomId, sessionId, queue])

  return { sheet, edit, share, openToInterviewers, submit, saving: saving > 0, error }
}

/** What {@link useMySheet} returns. */
export type MySheet = ReturnType<typeof useMySheet>
