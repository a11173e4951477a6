'use client'

import { useCallback, useEffect, useState } from 'react'
import type { ConsentAnswer, MyRecordingStatus } from '@/lib/audio/audioSchemas'
import { actionErrorMessage } from '../ui/toast/useToastedAction'
import { audioApi } from './audioApi'

/**
 * The user's standing in the current session's recording, fetched again
 * whenever the live session doc says recording turned on or off; `answer`
 * stores their consent (or decline) on the server.
 */
export function useRecordingStatus(roomId: string, sessionId: string | null, recordingOn: boolean) {
  // Kept with what it answers for, so a new session or a change of the setting never shows a stale answer.
  const key = `${sessionId}|${recordingOn}`
  const [fetched, setFetched] = useState<{ key: string; status: MyRecordingStatus } | null>(null)
  const status = fetched?.key === key ? fetched.status : null
  const [error, setError] = useState<string | null>(null)
  const setStatus = useCallback((s: MyRecordingStatus) => setFetched({ key, status: s }), [key])

  useEffect(() => {
    if (!sessionId || !recordingOn) return
    let stale = false
    audioApi.status(roomId, sessionId).then(
      (s) => !stale && setStatus(s),
      (e: unknown) => !stale && setError(actionErrorMessage(e))
    )
    return () => {
      stale = true
    }
  }, [roomId, sessionId, recordingOn, setStatus])

  const answer = useCallback(
    async (consent: ConsentAnswer) => {
      if (!sessionId) return
      setError(null)
      try {
        setStatus(await audioApi.consent(roomId, sessionId, consent))
      } catch (e) {
        setError(actionErrorMessage(e))
      }
    },
    [roomId, sessionId, setStatus]
  )

  return { status, error, answer }
}
