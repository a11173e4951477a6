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
  const [sheet, setSheet] = useState<SheetView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(0)
  const pending = useRef(Promise.resolve())
  useEffect(() => {
    setSheet(null)
    if (!enabled || !sessionId) return
    let stale = false
    sessionApi.sheet(roomId, sessionId).then(
      (s) => !stale && setSheet(s),
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
      (stored) => setSheet(stored),
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
      setSheet((s) => (s ? { ...s, sheet: applySheetEdit(s.sheet, change, author) } : s))
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
