'use client'

import { useEffect, useMemo, useState } from 'react'
import type { Actor } from '@/lib/access/actor'
import type { Role } from '@/lib/access/roles'
import type { CollabTicket } from '@/lib/collab/TicketedConnection'
import { canWriteSheet } from '@/lib/rubric/sheetAccess'
import type { SessionConfig } from '@/lib/session/sessionConfig'
import { readSession } from '@/lib/session/sessionDoc'
import type { RevealPart, SessionSettings } from '@/lib/session/sessionRecord'
import type { SessionView } from '@/lib/session/sessionView'
import { computeTimer } from '@/lib/session/timer'
import { useToastedAction } from '../ui/toast/useToastedAction'
import { sessionApi } from './sessionApi'
import { useMySheet } from './useMySheet'
import { useRoomDoc } from './useRoomDoc'
import { useServerClock } from './useServerClock'

/**
 * Everything the session UI shows, for one room and the user's role now: the
 * live session (from the server-written session doc), the clock computed at
 * the server's time, the session as the server cuts it for this user (the
 * problem with its revealed parts, the sheets they may read), and for an
 * interviewer their own rubric sheet. The view is fetched again whenever the
 * doc says something the cut depends on changed (a new session, a reveal, a
 * shared sheet, the end) or the role changes. `ticket`: the session doc's
 * ticket rendered with the page, for its first connect.
 */
export function useRoomSession(
  collabUrl: string,
  roomId: string,
  role: Role | null,
  { name: author, userId }: Pick<Actor, 'name' | 'userId'>,
  ticket?: CollabTicket | null
) {
  const sessionDoc = useRoomDoc(collabUrl, roomId, 'session', role !== null, ticket)
  const now = useServerClock()
  const snapshot = useMemo(() => (sessionDoc.doc ? readSession(sessionDoc.doc) : null), [sessionDoc])
  const timer = snapshot ? computeTimer(snapshot.config.plan, snapshot.events, now) : null
  const ended = timer?.status === 'ended'
  const [view, setView] = useState<SessionView | null>(null)

  const refreshKey = [snapshot?.id, snapshot?.revealed.join(), snapshot?.sheetsVersion, ended, role].join('|')
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
  }, [roomId, role, refreshKey])

  const record = view?.session && view.session.sessionId === snapshot?.id ? view.session : (view?.session ?? null)
  const canScore = !!record && !!role && canWriteSheet(record, { userId, role })
  const mySheet = useMySheet(roomId, record?.sessionId ?? null, canScore, author)

  // Failures show as a toast with the reason and "Try again"; the clock itself shows success.
  const run = useToastedAction()
  const actions = useMemo(
    () => ({
      start: (config: SessionConfig) =>
        run(() => sessionApi.start(roomId, config), { failed: 'Could not start the session' }),
      clock: (action: Parameters<typeof sessionApi.clock>[1]) =>
        run(() => sessionApi.clock(roomId, action), {
          failed: action.type === 'end' ? 'Could not end the session' : 'Could not change the clock',
          ...(action.type === 'end' ? { done: 'Session ended: the summary and replay are ready' } : {}),
        }),
      reveal: (parts: RevealPart[]) => run(() => sessionApi.reveal(roomId, parts), { failed: 'Could not reveal it' }),
      settings: (settings: SessionSettings) =>
        run(() => sessionApi.settings(roomId, settings), { failed: 'Could not save the settings' }),
    }),
    [roomId, run]
  )

  return { role, snapshot, timer, now, view, record, mySheet, canScore, actions }
}

/** What {@link useRoomSession} returns. */
export type RoomSession = ReturnType<typeof useRoomSession>
