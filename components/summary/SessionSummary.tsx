import type { BoardSnapshot, SessionView } from '@/server/sessions/SessionService'
import { BoardImage } from './BoardImage'
import { NotesSection } from './NotesSection'
import { ReviewSection } from './ReviewSection'
import type { Finding } from '@/lib/review/finding'
import { ScoresSection } from './ScoresSection'
import { TimingSection } from './TimingSection'
import {
  boardHasShapes,
  capitalize,
  formatDateTime,
  noteRows,
  sessionStartedAt,
  sessionTitle,
  timingRows,
} from './summaryData'
import styles from './summary.module.css'

/** Props of {@link SessionSummary}. */
export interface SessionSummaryProps {
  roomId: string
  view: SessionView
  board: BoardSnapshot | null
  /** Server time the clock is read at (a running session counts up to now). */
  now: number
  /** The design review of the final board; null for viewers who may not see it (a candidate). */
  findings: Finding[] | null
}

/** The after-session page: scores, time per phase, notes and the board, as the viewer's role may see them. */
export function SessionSummary({ roomId, view, board, now, findings }: SessionSummaryProps) {
  const boardHref = `/r/${roomId}`
  const { session } = view
  const startedAt = sessionStartedAt(view)
  const level = session?.config.level ?? view.record?.level
  const mode = session?.config.mode ?? view.record?.mode
  const meta = [
    mode && `${capitalize(mode)} session`,
    level && capitalize(level),
    startedAt && formatDateTime(startedAt),
  ]
  return (
    <main className={styles.page}>
      <nav className={styles.nav} aria-label="Session links">
        <a href={boardHref} data-testid="back-to-board">
          ← Back to the board
        </a>
        <a href={`${boardHref}/replay`}>Replay</a>
        <a href="/sessions">My sessions</a>
      </nav>
      <h1 className={styles.title} data-testid="summary-title">
        {session ? sessionTitle(view) : 'Session summary'}
      </h1>
      {session ? (
        <p className={styles.meta}>{meta.filter(Boolean).join(' · ')}</p>
      ) : (
        <p className={styles.meta} data-testid="no-session">
          No session was started on this board.{' '}
          <a className={styles.link} href={boardHref}>
            Open the board
          </a>{' '}
          to start one.
        </p>
      )}
      {session && (
        <>
          <ScoresSection
            rubric={view.rubric}
            level={session.config.level}
            unsharedHint={view.role === 'interviewer' && view.record?.scoresShared === false}
          />
          <TimingSection rows={timingRows(session.config.plan, session.events, now)} />
          {view.rubric && <NotesSection notes={noteRows(view.rubric.notes)} replayHref={`${boardHref}/replay`} />}
          {findings && <ReviewSection findings={findings} />}
        </>
      )}
      <BoardImage snapshot={boardHasShapes(board) ? board : null} />
    </main>
  )
}
