'use client'

import { useCallback, useEffect, useState } from 'react'
import type { AudioManifest } from '@/lib/audio/audioSchemas'
import { HttpError } from '@/lib/http/fetchJson'
import { actionErrorMessage } from '../ui/toast/useToastedAction'
import { audioApi } from './audioApi'

/** The replay's view of a session's recording: the tracks, or why there is nothing to hear. */
export type ReplayAudioState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; manifest: AudioManifest }
  | { status: 'refused'; message: string }
  | { status: 'error'; message: string }

/** Loads the recording of the replayed session (nothing for the board's whole-life replay). */
export function useReplayAudio(roomId: string, sessionId: string | null) {
  const [state, setState] = useState<ReplayAudioState>({ status: sessionId ? 'loading' : 'none' })

  useEffect(() => {
    if (!sessionId) return
    let stale = false
    audioApi.manifest(roomId, sessionId).then(
      (manifest) => !stale && setState({ status: 'ready', manifest }),
      (error: unknown) => {
        if (stale) return
        if (error instanceof HttpError && error.status === 403) setState({ status: 'refused', message: error.message })
        else setState({ status: 'error', message: actionErrorMessage(error) })
      }
    )
    return () => {
      stale = true
    }
  }, [roomId, sessionId])

  /** Shares the recording with the candidate, or withdraws it (interviewers). */
  const share = useCallback(
    async (shared: boolean) => {
      if (!sessionId) return
      const recording = await audioApi.share(roomId, sessionId, shared)
      setState((s) => (s.status === 'ready' ? { ...s, manifest: { ...s.manifest, recording } } : s))
    },
    [roomId, sessionId]
  )

  return { state, share }
}
