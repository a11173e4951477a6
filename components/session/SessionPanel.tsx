'use client'

import { useState } from 'react'
import { PanelRightClose, PanelRightOpen } from 'lucide-react'
import type { Editor } from 'tldraw'
import type { Problem } from '@/lib/problems/problemSchema'
import { phaseGuides } from '@/lib/session/phaseGuides'
import { ReviewPanel } from '../review/ReviewPanel'
import { ChecklistPanel } from './ChecklistPanel'
import { ProblemCard } from './ProblemCard'
import { RubricPanel } from './RubricPanel'
import { StartSessionForm } from './StartSessionForm'
import type { RoomSession } from './useRoomSession'
import styles from './session.module.css'

type Tab = 'problem' | 'rubric' | 'checklist' | 'review'

/**
 * The session side panel, right of the canvas: start a session
 * (interviewers), then the problem with the current phase's guide, the rubric
 * and the reference checklist, each shown to whom it belongs. In solo mode
 * the user is their own interviewer, but the rubric, checklist and design
 * review open only once the session has ended: practice first, then
 * self-review. Interviewers can review the board any time, with or without a
 * session.
 */
export function SessionPanel({
  session,
  editor,
  author,
  roomId,
}: {
  session: RoomSession
  editor: Editor | null
  author: string
  roomId: string
}) {
  const [open, setOpen] = useState(true)
  const [tab, setTab] = useState<Tab>('problem')
  const [restarting, setRestarting] = useState(false)
  const { role, snapshot, timer, view, sheet, rubricDoc, actions, error } = session
  if (!role) return null
  if (!open) {
    return (
      <aside className={styles.rail} aria-label="Session (collapsed)">
        <button type="button" className={styles.iconButton} onClick={() => setOpen(true)} title="Show session">
          <PanelRightOpen size={18} aria-label="Show session" />
        </button>
      </aside>
    )
  }
  const interviewer = role === 'interviewer'
  const ended = timer?.status === 'ended'
  const reviewOpen = interviewer && (snapshot?.config.mode === 'pair' || ended)
  const fullProblem = view?.problem && 'checklist' in view.problem ? (view.problem as Problem) : null
  const tabs: { id: Tab; label: string }[] = [
    { id: 'problem', label: 'Problem' },
    ...(reviewOpen || snapshot?.sharedRubric ? [{ id: 'rubric' as const, label: 'Rubric' }] : []),
    ...(reviewOpen && fullProblem ? [{ id: 'checklist' as const, label: 'Checklist' }] : []),
    ...(reviewOpen ? [{ id: 'review' as const, label: 'Review' }] : []),
  ]
  const current = tabs.some((t) => t.id === tab) ? tab : 'problem'
  const guide = timer && !ended ? phaseGuides.find((g) => g.id === timer.phases[timer.phaseIndex]?.id) : undefined

  return (
    <aside className={styles.panel} aria-label="Session" data-testid="session-panel">
      <header className={styles.header}>
        <h2>Session</h2>
        <button type="button" className={styles.iconButton} onClick={() => setOpen(false)} title="Hide session">
          <PanelRightClose size={18} aria-label="Hide session" />
        </button>
      </header>
      {error && <p className={styles.error}>{error}</p>}
      {!snapshot || restarting ? (
        interviewer ? (
          <div className={styles.body}>
            <StartSessionForm
              onStart={(config) => {
                setRestarting(false)
                void actions.start(config)
              }}
            />
            <details className={styles.reviewAnyTime} data-testid="review-without-session">
              <summary>Review the board</summary>
              <ReviewPanel editor={editor} problem={null} />
            </details>
          </div>
        ) : (
          <p className={styles.muted} data-testid="waiting-for-session">
            Waiting for the interviewer to start the session.
          </p>
        )
      ) : (
        <>
          <nav className={styles.tabs} role="tablist">
            {tabs.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={current === t.id}
                onClick={() => setTab(t.id)}
                data-testid={`tab-${t.id}`}
              >
                {t.label}
              </button>
            ))}
          </nav>
          <div className={styles.body}>
            {current === 'problem' && (
              <ProblemCard
                problem={view?.problem ?? null}
                customPrompt={snapshot.config.customPrompt}
                guide={guide}
                showInterviewerNotes={reviewOpen}
              />
            )}
            {current === 'rubric' && (
              <RubricPanel
                sheet={reviewOpen ? sheet : (snapshot.sharedRubric ?? sheet)}
                level={snapshot.config.level}
                doc={reviewOpen ? rubricDoc : null}
                elapsedMs={timer?.elapsedMs ?? 0}
                author={author}
                onSave={actions.saveScores}
                onShare={snapshot.config.mode === 'pair' ? actions.share : undefined}
                replayHref={`/r/${roomId}/replay`}
              />
            )}
            {current === 'checklist' && fullProblem && <ChecklistPanel problem={fullProblem} editor={editor} />}
            {current === 'review' && <ReviewPanel editor={editor} problem={view?.problem ?? null} />}
            {ended && interviewer && (
              <button type="button" className={styles.secondary} onClick={() => setRestarting(true)}>
                New session
              </button>
            )}
          </div>
        </>
      )}
    </aside>
  )
}
