'use client'

import { useState } from 'react'
import { History } from 'lucide-react'
import { ConfirmButton } from '@/components/ui/ConfirmButton'
import { restoreVersion, type RestoreOutcome } from './replayApi'
import styles from './replay.module.css'

/** Props of {@link RestoreVersion}. */
export interface RestoreVersionProps {
  roomId: string
  /** The log position of the board the replay shows now (null before anything was drawn). */
  seq: number | null
  /** The moment shown, in words ("3:12 into the replay, 14:05:09"). */
  moment: string
  /** The whole log is in (the position is final). */
  ready: boolean
  /** Called when the button is pressed, before the dialog opens (the replay pauses on the moment). */
  onOpen: () => void
}

type Status =
  { kind: 'idle' } | { kind: 'done'; outcome: RestoreOutcome; moment: string } | { kind: 'error'; message: string }

/**
 * "Restore this version" (the owner and interviewers): asks first, then puts
 * the live board back to the moment the replay shows, for everyone on it. The
 * restore is logged as a new change, so nothing is lost and it can itself be
 * undone by restoring a later moment.
 */
export function RestoreVersion({ roomId, seq, moment, ready, onOpen }: RestoreVersionProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const disabledWhy = !ready
    ? 'Wait until the whole replay has loaded'
    : seq === null
      ? 'Nothing was on the board yet at this moment'
      : undefined
  return (
    <div className={styles.restore}>
      {status.kind === 'done' && (
        <p className={styles.restoreDone} role="status" data-testid="restore-done">
          {status.outcome.created + status.outcome.updated + status.outcome.deleted === 0
            ? `The board already was as at ${status.moment}; nothing changed.`
            : `Restored: the board is as it was at ${status.moment}, for everyone on it.`}{' '}
          <a href={`/r/${roomId}`} data-testid="restore-back">
            Back to the board
          </a>
        </p>
      )}
      {status.kind === 'error' && (
        <p className={styles.restoreError} role="alert" data-testid="restore-error">
          Could not restore: {status.message}
        </p>
      )}
      <span onClickCapture={onOpen}>
        <ConfirmButton
          className={styles.restoreButton}
          testId="restore-version"
          disabled={!!disabledWhy}
          buttonTitle={disabledWhy ?? `Put the board back to how it was at ${moment}`}
          title="Restore this version?"
          description={`The live board goes back to how it was at ${moment}, for everyone on it, at once. What was drawn after that moment leaves the board, but the history keeps it: you can restore a later moment the same way.`}
          confirmLabel="Restore"
          onConfirm={async () => {
            if (seq === null) return
            const shown = moment
            try {
              setStatus({ kind: 'done', outcome: await restoreVersion(roomId, seq), moment: shown })
            } catch (error) {
              setStatus({ kind: 'error', message: (error as Error).message })
            }
          }}
        >
          <History size={14} aria-hidden /> Restore this version
        </ConfirmButton>
      </span>
    </div>
  )
}
