'use client'

import { useState } from 'react'
import { Mic, MicOff } from 'lucide-react'
import type { Role } from '@/lib/access/roles'
import type { RoomSession } from '../session/useRoomSession'
import { RecordingConsentDialog } from './RecordingConsentDialog'
import { useMicRecorder } from './useMicRecorder'
import { useRecordingStatus } from './useRecordingStatus'
import styles from './voice.module.css'

/**
 * The board's side of session recording, for everyone in the room: a badge
 * saying that recording is on and whether you are recorded; the consent
 * question for those whose microphone would be (interviewers, candidates);
 * and, once they agreed, the recorder itself. A decline is stored, nothing is
 * recorded, and the badge says so (a click asks again, to change the answer).
 */
export function VoiceRecording({ roomId, session, role }: { roomId: string; session: RoomSession; role: Role | null }) {
  const sessionId = session.snapshot?.id || null
  const running = !!session.timer && session.timer.status !== 'ended'
  const recordingOn = !!session.snapshot?.recording && running
  const { status, error, answer } = useRecordingStatus(roomId, sessionId, recordingOn)
  // The question opens by itself while unanswered (until dismissed with Escape); the badge opens it again.
  const [dismissed, setDismissed] = useState<string | null>(null)
  const [reopened, setReopened] = useState(false)
  const unanswered = !!status?.recording.on && status.recordable && status.consent === null
  const asking = reopened || (unanswered && dismissed !== sessionId)
  const setAsking = (open: boolean) => {
    setReopened(open)
    if (!open) setDismissed(sessionId)
  }
  const active = recordingOn && status?.consent === 'accepted' && status.recordable
  const mic = useMicRecorder(roomId, sessionId, active)

  if (!recordingOn || !role) return null
  const problem = error ?? (mic.status === 'error' ? mic.message : null)
  const label = !status
    ? 'Recording on'
    : !status.recordable
      ? 'Recording on · observers are not recorded'
      : status.consent === 'declined'
        ? 'Recording on · you declined: you are not recorded'
        : status.consent === null
          ? 'Recording on · not recording you until you agree'
          : mic.status === 'recording'
            ? 'Recording you'
            : 'Recording on · starting your microphone…'
  return (
    <>
      <button
        type="button"
        className={mic.status === 'recording' ? styles.badgeLive : styles.badge}
        onClick={() => status?.recordable && setAsking(true)}
        title={problem ?? (status?.recordable ? 'Change your answer' : label)}
        data-testid="recording-badge"
        data-recording={mic.status === 'recording' || undefined}
        data-consent={status?.consent ?? undefined}
        data-chunks={mic.status === 'recording' ? mic.sent : undefined}
      >
        {mic.status === 'recording' ? <Mic size={14} aria-hidden /> : <MicOff size={14} aria-hidden />}
        {label}
      </button>
      {problem && (
        <span className={styles.problem} role="alert">
          {problem}
        </span>
      )}
      <RecordingConsentDialog open={asking} onOpenChange={setAsking} onAnswer={(a) => void answer(a)} />
    </>
  )
}
