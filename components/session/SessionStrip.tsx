'use client'

import { useEffect, useRef } from 'react'
import { Pause, Play, Plus, SkipForward, Square } from 'lucide-react'
import { formatClock } from '@/lib/session/timer'
import { ConfirmButton } from '../ui/ConfirmButton'
import type { RoomSession } from './useRoomSession'
import styles from './session.module.css'

/**
 * The shared clock at the top of the canvas: current phase, its time left
 * (red with an overrun marker when it runs long) and the total left. The
 * interviewer (or the solo user) gets pause/resume, next phase, +2 min and
 * end.
 */
export function SessionStrip({
  session,
  roomId,
  online = true,
}: {
  session: RoomSession
  roomId: string
  /** False while the board is not connected: the controls wait, with the reason in their title. */
  online?: boolean
}) {
  const { timer, snapshot, role, actions } = session
  const strip = useRef<HTMLDivElement>(null)
  const summaryLink = useRef<HTMLAnchorElement>(null)
  // Set when this user confirms End: the End button goes once the session has ended, and focus with it, so it moves
  // to the Summary link that takes the controls' place (unless the user has moved it somewhere else meanwhile).
  const focusSummaryOnEnd = useRef(false)
  const status = timer?.status
  useEffect(() => {
    if (status !== 'ended' || !focusSummaryOnEnd.current) return
    focusSummaryOnEnd.current = false
    const focused = document.activeElement
    if (!focused || focused === document.body || strip.current?.contains(focused)) summaryLink.current?.focus()
  }, [status])
  if (!timer || !snapshot) return null
  const phase = timer.phases[timer.phaseIndex]
  const overrun = timer.status !== 'ended' && timer.phaseRemainingMs < 0
  const controls = role === 'interviewer' && timer.status !== 'ended'
  const offline = online ? undefined : 'Offline: the clock can change once the board reconnects'
  return (
    <div className={styles.strip} data-testid="session-strip" data-status={timer.status} ref={strip}>
      {timer.status === 'ended' ? (
        <>
          <span className={styles.phase}>Session ended</span>
          <a
            className={styles.link}
            href={snapshot.id ? `/r/${roomId}/s/${snapshot.id}/summary` : `/r/${roomId}/summary`}
            data-testid="summary-link"
            ref={summaryLink}
          >
            Summary
          </a>
        </>
      ) : (
        <>
          <span className={styles.phase} data-testid="session-phase">
            {timer.phaseIndex + 1}/{timer.phases.length} · {phase?.label}
          </span>
          <span className={styles.clock} data-overrun={overrun || undefined} data-testid="phase-remaining">
            {overrun ? `+${formatClock(-timer.phaseRemainingMs)}` : formatClock(timer.phaseRemainingMs)}
          </span>
          {overrun && (
            <span className={styles.overrun} data-testid="overrun">
              over time
            </span>
          )}
          <span className={styles.total} data-testid="total-remaining">
            {formatClock(Math.max(0, timer.totalRemainingMs))} left
          </span>
          {timer.status === 'paused' && <span className={styles.paused}>paused</span>}
        </>
      )}
      {controls && (
        <span className={styles.controls} title={offline}>
          {timer.status === 'paused' ? (
            <button
              type="button"
              onClick={() => actions.clock({ type: 'resume' })}
              title="Resume"
              disabled={!online}
              data-testid="clock-resume"
            >
              <Play size={16} aria-label="Resume" />
            </button>
          ) : (
            <button
              type="button"
              onClick={() => actions.clock({ type: 'pause' })}
              title="Pause"
              disabled={!online}
              data-testid="clock-pause"
            >
              <Pause size={16} aria-label="Pause" />
            </button>
          )}
          <button
            type="button"
            onClick={() => actions.clock({ type: 'next' })}
            title="Next phase"
            disabled={!online}
            data-testid="clock-next"
          >
            <SkipForward size={16} aria-label="Next phase" />
          </button>
          <button
            type="button"
            onClick={() => actions.clock({ type: 'extend', minutes: 2 })}
            title="Two more minutes for this phase"
            disabled={!online}
            data-testid="clock-extend"
          >
            <Plus size={16} aria-label="Extend by 2 minutes" />2
          </button>
          <ConfirmButton
            buttonTitle="End the session"
            disabled={!online}
            testId="clock-end"
            title="End the session?"
            description="The clock stops for everyone and the board is frozen for this session's summary and replay. This cannot be undone."
            confirmLabel="End session"
            onConfirm={() => {
              focusSummaryOnEnd.current = true
              return actions.clock({ type: 'end' })
            }}
          >
            <Square size={14} aria-label="End session" /> End
          </ConfirmButton>
        </span>
      )}
    </div>
  )
}
