'use client'

import { useState } from 'react'
import { actionErrorMessage } from '../ui/toast/useToastedAction'
import { audioApi } from './audioApi'
import styles from './voice.module.css'

/**
 * The interviewer's per-session recording switch (the solo user's too).
 * Turning it on asks every participant, themselves included, before their
 * microphone is recorded; turning it off stops every recorder and keeps
 * what was recorded.
 */
export function RecordingToggle({ roomId, sessionId, on }: { roomId: string; sessionId: string; on: boolean }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const toggle = async (next: boolean) => {
    setBusy(true)
    setError(null)
    try {
      await audioApi.setRecording(roomId, sessionId, next)
    } catch (e) {
      setError(actionErrorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className={styles.toggle}>
      <label>
        <input
          type="checkbox"
          checked={on}
          disabled={busy}
          onChange={(e) => void toggle(e.target.checked)}
          data-testid="setting-recording"
        />
        Record audio (everyone is asked first)
      </label>
      {error && (
        <span className={styles.problem} role="alert">
          {error}
        </span>
      )}
    </div>
  )
}
