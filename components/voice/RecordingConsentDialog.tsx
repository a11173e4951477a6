'use client'

import { AlertDialog } from 'radix-ui'
import type { ConsentAnswer } from '@/lib/audio/audioSchemas'
import dialog from '../ui/confirm.module.css'

/** Props of {@link RecordingConsentDialog}. */
export interface RecordingConsentDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  onAnswer: (answer: ConsentAnswer) => void
}

/**
 * Asks a participant, in an accessible Radix alert dialog, whether their
 * microphone may be recorded now that the interviewer turned recording on.
 * Nothing is recorded until they agree; Escape leaves the question open
 * (the recording badge asks again).
 */
export function RecordingConsentDialog({ open, onOpenChange, onAnswer }: RecordingConsentDialogProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={dialog.overlay} />
        <AlertDialog.Content className={dialog.dialog} data-testid="recording-consent">
          <AlertDialog.Title className={dialog.title}>This session is being recorded</AlertDialog.Title>
          <AlertDialog.Description className={dialog.description}>
            The interviewer turned on audio recording. If you agree, your microphone is recorded from now until the
            session ends, and the replay plays it beside the board for the people who may open the replay (the candidate
            once the interviewer shares it). If you decline, nothing of your microphone is recorded.
          </AlertDialog.Description>
          <div className={dialog.actions}>
            <AlertDialog.Cancel asChild>
              <button
                type="button"
                className={dialog.cancel}
                onClick={() => onAnswer('declined')}
                data-testid="consent-decline"
              >
                Don&apos;t record me
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button
                type="button"
                className={dialog.primary}
                onClick={() => onAnswer('accepted')}
                data-testid="consent-accept"
              >
                Record my microphone
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
