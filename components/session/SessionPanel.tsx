'use client'

import { useEffect, useRef, useState } from 'react'
import { Tabs } from 'radix-ui'
import { PanelRightClose, PanelRightOpen } from 'lucide-react'
import { useCollapsedPanel } from '../ui/useCollapsedPanel'
import type { Editor } from 'tldraw'
import type { Problem } from '@/lib/problems/problemSchema'
import { phaseGuides } from '@/lib/session/phaseGuides'
import { ReviewPanel } from '../review/ReviewPanel'
import { ChecklistPanel } from './ChecklistPanel'
import { ProblemCard } from './ProblemCard'
import { sessionRubric } from '@/lib/rubric/sessionRubric'
import { RecordingToggle } from '../voice/RecordingToggle'
import { RubricTab } from './RubricTab'
import { StartSessionForm } from './StartSessionForm'
import { SESSION_COLLAPSED_KEY } from './SessionSpace'
import type { RoomSession } from './useRoomSession'
import sidePanel from '@/components/ui/panel.module.css'
import styles from './session.module.css'
import { SKIP_TARGETS } from '../board/SkipLinks'

type Tab = 'problem' | 'rubric' | 'checklist' | 'review'

/**
 * The session side panel, right of the canvas: start a session
 * (interviewers), then the problem with the current phase's guide, the
 * rubric and the reference checklist, each shown to whom it belongs. In solo
 * mode the user is their own interviewer, but the rubric, checklist and
 * design review open only once the session has ended (the self-score step
 * opens by itself then): practice first, then self-review. Interviewers can
 * review the board any time, with or without a session.
 */
export function SessionPanel({
  session,
  editor,
  roomId,
}: {
  session: RoomSession
  editor: Editor | null
  roomId: string
}) {
  const [collapsed, setCollapsed] = useCollapsedPanel(SESSION_COLLAPSED_KEY)
  const { role, snapshot, timer, view, record, mySheet, canScore, actions } = session
  const ended = timer?.status === 'ended'
  const solo = record?.mode === 'solo'
  // Solo: the self-score step opens by itself when the session ends (checked on mount and whenever these change).
  const selfScore = { ended, solo, sessionId: record?.sessionId }
  const [tab, setTab] = useState<Tab>(ended && solo ? 'rubric' : 'problem')
  const [seen, setSeen] = useState(selfScore)
  if (seen.ended !== ended || seen.solo !== solo || seen.sessionId !== selfScore.sessionId) {
    setSeen(selfScore)
    if (ended && solo) setTab('rubric')
  }
  const [restarting, setRestarting] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  // Set when this user presses Start: once the form gives way to the running session, focus goes to the panel's
  // heading (the form, and the Start button with it, is gone; focus would drop to the page's body).
  const focusHeadingOnStart = useRef(false)
  const showStart = !snapshot || restarting || (ended && !record)
  useEffect(() => {
    if (showStart || !focusHeadingOnStart.current) return
    focusHeadingOnStart.current = false
    const focused = document.activeElement
    // Only if focus was lost (or is still in the panel): never take it from where the user has gone since.
    if (!focused || focused === document.body || heading.current?.closest('aside')?.contains(focused))
      heading.current?.focus()
  }, [showStart])
  if (!role) return null
  if (collapsed) {
    return (
      <aside
        className={`${sidePanel.panel} ${sidePanel.rail} ${styles.side}`}
        aria-label="Session (collapsed)"
        id={SKIP_TARGETS.sessionPanel}
        tabIndex={-1}
      >
        <button type="button" className={sidePanel.iconButton} onClick={() => setCollapsed(false)} title="Show session">
          <PanelRightOpen size={18} aria-label="Show session" />
        </button>
      </aside>
    )
  }
  const interviewer = role === 'interviewer'
  const reviewOpen = interviewer && (!solo || ended)
  const fullProblem =
    view?.problem && 'checklist' in view.problem && view.problem.checklist.length > 0 ? (view.problem as Problem) : null
  // Sheets to show read-only: others' (shared or opened to me), and my own when I may no longer write it (after a swap).
  const others = view?.sheets.filter((s) => !s.mine || !canScore) ?? []
  const tabs: { id: Tab; label: string }[] = [
    { id: 'problem', label: 'Problem' },
    ...((canScore && (!solo || ended)) || others.length
      ? [{ id: 'rubric' as const, label: solo ? 'Self-score' : 'Rubric' }]
      : []),
    ...(reviewOpen && fullProblem ? [{ id: 'checklist' as const, label: 'Checklist' }] : []),
    ...(reviewOpen ? [{ id: 'review' as const, label: 'Review' }] : []),
  ]
  const current = tabs.some((t) => t.id === tab) ? tab : 'problem'
  const guide = timer && !ended ? phaseGuides.find((g) => g.id === timer.phases[timer.phaseIndex]?.id) : undefined
  const replayHref = record ? `/r/${roomId}/s/${record.sessionId}/replay` : `/r/${roomId}/replay`

  return (
    <aside
      className={`${sidePanel.panel} ${styles.side} ${styles.panel}`}
      aria-label="Session"
      data-testid="session-panel"
      id={SKIP_TARGETS.sessionPanel}
      tabIndex={-1}
    >
      <header className={sidePanel.header}>
        <h2 className={sidePanel.heading} ref={heading} tabIndex={-1} data-testid="session-heading">
          {snapshot && !restarting ? (solo ? 'Solo practice' : 'Interview') : 'Session'}
        </h2>
        <button type="button" className={sidePanel.iconButton} onClick={() => setCollapsed(true)} title="Hide session">
          <PanelRightClose size={18} aria-label="Hide session" />
        </button>
      </header>
      {showStart ? (
        interviewer ? (
          <div className={styles.body}>
            <StartSessionForm
              onStart={(config) => {
                focusHeadingOnStart.current = true
                setRestarting(false)
                setTab('problem')
                void actions.start(config)
              }}
            />
            {restarting && (
              <button type="button" className={styles.secondary} onClick={() => setRestarting(false)}>
                Back to the last session
              </button>
            )}
            <details className={styles.reviewAnyTime} data-testid="review-without-session">
              <summary>Review the board</summary>
              <ReviewPanel editor={editor} problem={null} />
            </details>
          </div>
        ) : (
          <p className={styles.waiting} data-testid="waiting-for-session">
            Waiting for the interviewer to start the session.
          </p>
        )
      ) : (
        // WAI-ARIA tabs (Radix): one Tab stop for the list, arrows (Home, End) move between the tabs and open them.
        // The open tab's panel is a Tab stop of its own, named by its tab, so a candidate (with nothing focusable in
        // it) can still scroll it with the keyboard.
        <Tabs.Root className={styles.tabsRoot} value={current} onValueChange={(value) => setTab(value as Tab)}>
          <Tabs.List className={styles.tabs} aria-label="Session sections">
            {tabs.map((t) => (
              <Tabs.Trigger key={t.id} value={t.id} data-testid={`tab-${t.id}`} data-label={t.label}>
                {t.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <Tabs.Content value={current} className={styles.body} data-testid="session-tab-panel">
            {current === 'problem' && (
              <ProblemCard
                problem={view?.problem ?? null}
                customPrompt={record?.customPrompt ?? snapshot?.config.customPrompt}
                guide={guide}
                revealed={snapshot?.revealed ?? record?.revealed ?? []}
                onReveal={interviewer && !ended ? actions.reveal : undefined}
                solo={solo}
                observing={role === 'observer'}
              />
            )}
            {current === 'problem' && interviewer && !ended && !solo && snapshot && (
              <label className={styles.flag}>
                <input
                  type="checkbox"
                  checked={snapshot.settings.templatesForCandidate}
                  onChange={(e) =>
                    void actions.settings({ ...snapshot.settings, templatesForCandidate: e.target.checked })
                  }
                  data-testid="setting-templates"
                />
                Candidate may use templates
              </label>
            )}
            {current === 'problem' && interviewer && !ended && snapshot?.id && (
              <RecordingToggle roomId={roomId} sessionId={snapshot.id} on={snapshot.recording} />
            )}
            {current === 'rubric' && record && (
              <RubricTab
                mine={canScore ? mySheet : null}
                others={others}
                level={record.level}
                dimensions={sessionRubric(record.plan)}
                mode={record.mode}
                ended={ended}
                elapsedMs={timer?.elapsedMs ?? 0}
                replayHref={replayHref}
                wasCandidate={view?.heldRoles.includes('candidate') ?? false}
              />
            )}
            {current === 'checklist' && fullProblem && (
              <ChecklistPanel
                problem={fullProblem}
                editor={editor}
                ticks={mySheet.sheet?.sheet.ticks ?? []}
                onTick={canScore && mySheet.sheet?.submittedAt === null ? mySheet.edit : undefined}
              />
            )}
            {current === 'review' && <ReviewPanel editor={editor} problem={view?.problem ?? null} />}
            {ended && interviewer && (
              <button
                type="button"
                className={styles.secondary}
                onClick={() => setRestarting(true)}
                data-testid="new-session"
              >
                New session
              </button>
            )}
          </Tabs.Content>
        </Tabs.Root>
      )}
    </aside>
  )
}
