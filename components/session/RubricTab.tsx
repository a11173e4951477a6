'use client'

import type { RubricDimension } from '@/lib/rubric/rubricSchema'
import type { SessionLevel } from '@/lib/session/sessionConfig'
import type { SheetView } from '@/lib/session/sessionView'
import { RubricPanel } from './RubricPanel'
import { SheetActions } from './SheetActions'
import type { MySheet } from './useMySheet'
import styles from './session.module.css'

/** Props of {@link RubricTab}. */
export interface RubricTabProps {
  mine: MySheet | null
  /** Other people's sheets the server let this user read (a shared copy, a co-interviewer's). */
  others: SheetView[]
  level: SessionLevel
  /** The session's rubric (`sessionRubric(plan)`). */
  dimensions: readonly RubricDimension[]
  mode: 'pair' | 'solo'
  ended: boolean
  elapsedMs: number
  replayHref: string
  /** Whether this user held the candidate role in the session at some point (a swap): their sheet stays read only. */
  wasCandidate: boolean
}

/**
 * The Rubric tab: the user's own sheet (editable until submitted) and, read
 * only, any sheet others shared with them or opened to them.
 */
export function RubricTab({
  mine,
  others,
  level,
  dimensions,
  mode,
  ended,
  elapsedMs,
  replayHref,
  wasCandidate,
}: RubricTabProps) {
  const own = mine?.sheet ?? null
  return (
    <div className={styles.rubricTab}>
      {own && (
        <RubricPanel
          sheet={own.sheet}
          level={level}
          dimensions={dimensions}
          onEdit={own.submittedAt === null ? mine!.edit : undefined}
          elapsedMs={elapsedMs}
          replayHref={replayHref}
          testId="rubric-panel"
          footer={<SheetActions mine={mine!} mode={mode} ended={ended} />}
        />
      )}
      {others.map((s) => (
        <section key={s.authorId} data-testid="other-sheet">
          <h4>
            {s.mine
              ? wasCandidate
                ? 'Your sheet (read only: you were this session’s candidate for part of it)'
                : 'Your sheet (read only while you are not this session’s interviewer)'
              : s.sharedAt !== null && !own
                ? `Feedback from ${s.authorName}`
                : `${s.authorName}'s sheet`}
          </h4>
          <RubricPanel
            sheet={s.sheet}
            level={level}
            dimensions={dimensions}
            elapsedMs={elapsedMs}
            replayHref={replayHref}
            testId="shared-rubric"
          />
        </section>
      ))}
      {mine && !own && (
        // The interviewer's own sheet is on its way (or could not be read): never "nothing shared with you".
        <div role="status" data-testid="rubric-loading">
          {mine.loadError ? (
            <p className={styles.muted}>
              Could not load your rubric: {mine.loadError}.{' '}
              <button type="button" onClick={mine.retry}>
                Try again
              </button>
            </p>
          ) : (
            <p className={styles.muted}>Loading your rubric…</p>
          )}
        </div>
      )}
      {!mine && others.length === 0 && <p className={styles.muted}>No sheet has been shared with you yet.</p>}
    </div>
  )
}
