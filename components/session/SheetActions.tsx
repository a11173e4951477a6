'use client'

import { ConfirmButton } from '../ui/ConfirmButton'
import { useToastedAction } from '../ui/toast/useToastedAction'
import type { MySheet } from './useMySheet'
import styles from './session.module.css'

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

/**
 * Below the user's own sheet: whether it is saved, sharing with the
 * candidate (pair sessions; asks first, withdrawable while the session
 * runs), letting co-interviewers read it, and submitting it (final).
 */
export function SheetActions({ mine, mode, ended }: { mine: MySheet; mode: 'pair' | 'solo'; ended: boolean }) {
  const run = useToastedAction()
  const view = mine.sheet
  if (!view) return null
  const submitted = view.submittedAt !== null
  return (
    <div className={styles.sheetActions} data-testid="sheet-actions">
      <p className={styles.muted} role="status" data-testid="sheet-status">
        {mine.error
          ? `Not saved: ${mine.error}`
          : mine.saving
            ? 'Saving…'
            : submitted
              ? `Submitted at ${time(view.submittedAt!)}; it can no longer change.`
              : 'Saved. Only you can see this sheet.'}
        {view.sharedAt !== null && ` Shared with the candidate at ${time(view.sharedAt)}.`}
      </p>
      {mode === 'pair' && (
        <label className={styles.flag}>
          <input
            type="checkbox"
            checked={view.openToInterviewers}
            disabled={submitted}
            onChange={(e) => {
              const open = e.target.checked
              void run(() => mine.openToInterviewers(open), {
                done: open ? 'Co-interviewers may now read this sheet' : 'Only you can read this sheet now',
                failed: 'Could not change who may read the sheet',
              })
            }}
          />
          Co-interviewers may read this sheet
        </label>
      )}
      <div className={styles.row}>
        {mode === 'pair' && (
          <ConfirmButton
            className={styles.primary}
            testId="share-rubric"
            title={view.sharedAt === null ? 'Share your sheet with the candidate?' : 'Share the sheet again?'}
            description="The candidate gets a read-only copy of your scores, red flags, notes and recommendation as they are now. Later edits reach them only if you share again."
            confirmLabel="Share"
            onConfirm={() =>
              run(() => mine.share(true), {
                done: 'Shared: the candidate can read this sheet as it is now',
                failed: 'Could not share the sheet',
              })
            }
            disabled={submitted}
          >
            {view.sharedAt === null ? 'Share with candidate' : 'Share again'}
          </ConfirmButton>
        )}
        {mode === 'pair' && view.sharedAt !== null && !ended && (
          <button
            type="button"
            onClick={() =>
              void run(() => mine.share(false), {
                done: 'Withdrawn: the candidate no longer sees the sheet',
                failed: 'Could not withdraw the sheet',
              })
            }
            data-testid="withdraw-rubric"
          >
            Withdraw
          </button>
        )}
        {!submitted && (
          <ConfirmButton
            testId="submit-sheet"
            title="Submit this sheet?"
            description="A submitted sheet is final: its scores, flags, notes and recommendation can never change again."
            confirmLabel="Submit"
            onConfirm={() =>
              run(() => mine.submit(), { done: 'Submitted: the sheet is final', failed: 'Could not submit the sheet' })
            }
          >
            Submit
          </ConfirmButton>
        )}
      </div>
    </div>
  )
}
