'use client'

import { useRouter } from 'next/navigation'
import { fetchJson } from '@/lib/http/fetchJson'
import { ConfirmButton } from '../ui/ConfirmButton'
import { useToastedAction } from '../ui/toast/useToastedAction'
import styles from './summary.module.css'

/** Props of {@link DeleteSessionButton}. */
export interface DeleteSessionButtonProps {
  roomId: string
  sessionId: string
  title: string
}

/**
 * The interviewer's "Delete session" on an ended session's summary: asks
 * first, then deletes the session's record, rubric sheets and recordings
 * (the board and its edits stay) and goes back to the board.
 */
export function DeleteSessionButton({ roomId, sessionId, title }: DeleteSessionButtonProps) {
  const run = useToastedAction()
  const router = useRouter()
  return (
    <ConfirmButton
      testId="delete-session"
      className={styles.deleteSession}
      title={`Delete the session “${title}”?`}
      description="Its scores, notes, shared sheets and voice recordings are deleted for everyone, for good, and it leaves everyone's My sessions. The board and its drawing stay."
      confirmLabel="Delete session"
      onConfirm={() =>
        run(
          async () => {
            await fetchJson(`/api/rooms/${roomId}/sessions/${sessionId}`, { method: 'DELETE' })
            router.push(`/r/${roomId}`)
          },
          { failed: 'Could not delete the session' }
        )
      }
    >
      Delete session
    </ConfirmButton>
  )
}
