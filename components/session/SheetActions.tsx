'use client'

import { ConfirmButton } from '../ui/ConfirmButton'
import { useToastedAction } from '../ui/toast/useToastedAction'
import type { MySheet } from './useMySheet'
import styles from './session.module.css'

const changes = (n: number) => (n === 1 ? '1 change' : `${n} changes`)

/**
 * The save state in words: what waits and why (it is kept and sent on its own), what the server
 * refused (undone, in the server's words), or that everything is saved. Never "Saved" while an edit
 * is unsent.
 */
function saveStatus(mine: MySheet): string {
  const view = mine.sheet!
  if (mine.waiting === 'offline')
    return `Offline — ${changes(mine.pending)} waiting; it will be saved when you’re back online.`
  if (mine.waiting === 'unreachable')
    return `Cannot reach the server — ${changes(mine.pending)} waiting; trying again automatically.`
  if (mine.waiting === 'busy')
    return `The server is busy — ${changes(mine.pending)} waiting; trying again automatically.`
  if (mine.pending > 0 || mine.saving) return 'Saving…'
  if (mine.refused) return `Change undone: ${mine.refused}.`
  if (view.submittedAt !== null) return `Submitted at ${time(view.submittedAt)}; it can no longer change.`
  // Who reads it: the line below names the candidate when it is shared.
  if (view.sharedAt !== null) return 'Saved.'
  return view.openToInterviewers
    ? 'Saved. You and your co-interviewers can see this sheet.'
    : 'Saved. Only you can see this sheet.'
}

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })

/**
 * Below the user's own sheet: whether it is saved, sharing with the
 * candidate (pair sessions; asks first, withdrawable while the session
 * runs), letting co-interviewers read it, and submitting it (final in what
 * it says; who reads it can still change, so a submitted sheet is shared).
 */
export function SheetActions({ mine, mode, ended }: { mine: MySheet; mode: 'pair' | 'solo'; ended: boolean }) {
  const run = useToastedAction()
  const view = mine.sheet
  if (!view) return null
  const submitted = view.submittedAt !== null
  return (
    <div className={styles.sheetActions} data-testid="sheet-actions">
      <p className={styles.muted} role="status" data-testid="sheet-status">
        {saveStatus(mine)}
        {view.sharedAt !== null && ` Shared with the candidate at ${time(view.sharedAt)}.`}
      </p>
      {mine.waiting && (
        <div className={styles.row}>
          <button type="button" onClick={mine.retry} data-testid="sheet-retry">
            Retry now
          </button>
        </div>
      )}
      {mode === 'pair' && (
        <label className={styles.flag}>
          <input
            type="checkbox"
            checked={view.openToInterviewers}
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
            description={`A submitted sheet is final: its scores, flags, notes and recommendation can never change again.${mode === 'pair' ? ' You can still share it with the candidate.' : ''}`}
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
