import type { BoardSnapshot } from '@/lib/board/boardSnapshot'
import type { Finding } from '@/lib/review/finding'
import { sessionRubric } from '@/lib/rubric/sessionRubric'
import type { SessionView } from '@/lib/session/sessionView'
import { BoardImage } from './BoardImage'
import { ChecklistSection, type ChecklistRow } from './ChecklistSection'
import { NotesSection } from './NotesSection'
import { ReviewSection } from './ReviewSection'
import { ScoresSection } from './ScoresSection'
import { TimingSection } from './TimingSection'
import { DeleteSessionButton } from './DeleteSessionButton'
import { LocalTime } from '@/components/ui/time/LocalTime'
import { capitalize, noScoresMessage, noteRows, participantsLabel, sessionTitle, timingRows } from './summaryData'
import card from '@/components/ui/card.module.css'
import styles from './summary.module.css'

/** Props of {@link SessionSummary}. */
export interface SessionSummaryProps {
  roomId: string
  view: SessionView & { session: NonNullable<SessionView['session']> }
  /** The board as the session left it (live while it runs). */
  board: BoardSnapshot | null
  /** Server time the clock is read at (a running session counts up to now). */
  now: number
  /** The design review of the session's board; null for viewers who may not see it (a candidate). */
  findings: Finding[] | null
  /** The reference checklist's result, for the interviewer or solo user. */
  checklist: ChecklistRow[] | null
}

/**
 * One session's summary: each rubric sheet the viewer may read (their own,
 * or the copies shared with them), time per phase, notes, the checklist and
 * review for the interviewer, and the board as the session left it.
 */
export function SessionSummary({ roomId, view, board, now, findings, checklist }: SessionSummaryProps) {
  const { session } = view
  const base = `/r/${roomId}/s/${session.sessionId}`
  const rubric = sessionRubric(session.plan)
  const people = participantsLabel(session.participants)
  const mine = view.sheets.find((s) => s.mine)
  const others = view.sheets.filter((s) => !s.mine)
  return (
    <main className={card.page}>
      <nav className={`${card.nav} ${styles.links}`} aria-label="Session links">
        <a href={`/r/${roomId}`} data-testid="back-to-board">
          ← Back to the board
        </a>
        <a href={`${base}/replay`}>Replay</a>
        <a href="/sessions">My sessions</a>
        {view.mayDelete && session.endedAt !== null && (
          <DeleteSessionButton roomId={roomId} sessionId={session.sessionId} title={sessionTitle(view)} />
        )}
      </nav>
      <h1 className={card.title} data-testid="summary-title">
        {sessionTitle(view)}
      </h1>
      <p className={card.lead}>
        {capitalize(session.mode)} session · {capitalize(session.level)} · <LocalTime at={session.startedAt} />
        {session.endedAt === null && ' · still running'}
      </p>
      {session.mode === 'pair' && <p className={card.lead}>With {people}</p>}
      {mine ? (
        <ScoresSection
          rubric={mine.sheet}
          level={session.level}
          dimensions={rubric}
          title={session.mode === 'solo' ? 'Your self-score' : 'Your scores'}
          unsharedHint={session.mode === 'pair' && mine.sharedAt === null}
        />
      ) : null}
      {others.map((s) => (
        <ScoresSection
          key={s.authorId}
          rubric={s.sheet}
          level={session.level}
          dimensions={rubric}
          title={`Scores from ${s.authorName}`}
          unsharedHint={false}
        />
      ))}
      {!mine && others.length === 0 && (
        <ScoresSection
          rubric={null}
          level={session.level}
          title="Scores"
          unsharedHint={false}
          emptyMessage={noScoresMessage(view.heldRoles)}
        />
      )}
      <TimingSection rows={timingRows(session.plan, session.events, now)} />
      {view.sheets.map(
        (s) =>
          s.sheet.notes.length > 0 && (
            <NotesSection key={s.authorId} notes={noteRows(s.sheet.notes)} replayHref={`${base}/replay`} />
          )
      )}
      {checklist && <ChecklistSection rows={checklist} />}
      {findings && <ReviewSection findings={findings} />}
      <BoardImage snapshot={board} ended={session.endedAt !== null} />
    </main>
  )
}
