'use client'

import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Role } from '@/lib/access/roles'
import { EMPTY_SHEET, readRubricSheet } from '@/lib/rubric/rubricSheet'
import type { SessionConfig } from '@/lib/session/sessionConfig'
import { readSession } from '@/lib/session/sessionDoc'
import { computeTimer } from '@/lib/session/timer'
import type { SessionView } from '@/server/sessions/SessionService'
import { sessionApi } from './sessionApi'
import { useRoomDoc } from './useRoomDoc'
import { useServerClock } from './useServerClock'

/**
 * Everything the session UI shows, for one room and the user's role: the
 * live session (from the server-written session doc), the clock computed at
 * the server's time, the problem as the role may see it, and for interviewers
 * the rubric doc they write to.
 */
export function useRoomSession(collabUrl: string, roomId: string, role: Role | null) {
  const interviewer = role === 'interviewer'
  const sessionDoc = useRoomDoc(collabUrl, roomId, 'session', role !== null)
  const rubricDoc = useRoomDoc(collabUrl, roomId, 'private', interviewer)
  const now = useServerClock()
  const snapshot = useMemo(() => (sessionDoc.doc ? readSession(sessionDoc.doc) : null), [sessionDoc])
  const sheet = useMemo(() => (rubricDoc.doc ? readRubricSheet(rubricDoc.doc) : EMPTY_SHEET), [rubricDoc])
  const timer = snapshot ? computeTimer(snapshot.config.plan, snapshot.events, now) : null
  const [view, setView] = useState<SessionView | null>(null)
  const [error, setError] = useState<string | null>(null)

  // The problem (cut to the role by the server) changes only when a session starts or the role changes.
  const startedAt = snapshot?.events[0]?.at ?? null
  useEffect(() => {
    if (!role) return
    let stale = false
    sessionApi.view(roomId).then(
      (v) => !stale && setView(v),
      () => undefined
    )
    return () => {
      stale = true
    }
  }, [roomId, role, startedAt])

  const run = useCallback(async (action: () => Promise<unknown>) => {
    setError(null)
    try {
      await action()
    } catch (e) {
      setError((e as Error).message)
    }
  }, [])
  const actions = useMemo(
    () => ({
      start: (config: SessionConfig) => run(() => sessionApi.start(roomId, config)),
      clock: (action: Parameters<typeof sessionApi.clock>[1]) => run(() => sessionApi.clock(roomId, action)),
      share: () => run(() => sessionApi.share(roomId)),
      saveScores: () => run(() => sessionApi.saveScores(roomId)),
    }),
    [roomId, run]
  )

  return { role, snapshot, timer, now, view, rubricDoc: rubricDoc.doc, sheet, actions, error }
}

/** What {@link useRoomSession} returns. */
export type RoomSession = ReturnType<typeof useRoomSession>
