'use client'

import { useEffect, useState } from 'react'
import { createRoomId } from '@/lib/room/roomId'
import { microphone } from '@/lib/call/microphone'
import { audioApi } from './audioApi'
import { ChunkUploader } from './ChunkUploader'
import { SpeechMeter } from './SpeechMeter'

/** How much audio each uploaded chunk holds: a reload or a dropped tab loses at most this much. */
export const CHUNK_MS = 3_000

const MIME = 'audio/webm;codecs=opus'

/** What the microphone recorder is doing. */
export type MicRecorderState =
  | { status: 'off' }
  | { status: 'starting' }
  | { status: 'recording'; sent: number }
  | { status: 'error'; message: string }

/**
 * Records this browser's microphone while `active` (recording is on, the
 * user agreed, the session runs): Opus in WebM from `MediaRecorder`, cut
 * into {@link CHUNK_MS} chunks that upload as they come (in order, retried
 * until the server has them). Each recorder run is a new segment; a reload
 * starts another. The browser's echo cancellation and noise suppression are on.
 */
export function useMicRecorder(roomId: string, sessionId: string | null, active: boolean): MicRecorderState {
  const [state, setState] = useState<MicRecorderState>({ status: 'off' })

  useEffect(() => {
    if (!active || !sessionId) return
    let cancelled = false
    let recorder: MediaRecorder | null = null
    let stream: MediaStream | null = null
    let meter: SpeechMeter | null = null
    const segment = createRoomId()
    const uploader = new ChunkUploader(
      (chunk) => audioApi.upload(roomId, sessionId, chunk),
      (message) => !cancelled && setState({ status: 'error', message })
    )
    void (async () => {
      setState({ status: 'starting' })
      try {
        stream = await microphone(null)
        if (cancelled) return stream.getTracks().forEach((t) => t.stop())
        meter = new SpeechMeter(stream)
        const options = MediaRecorder.isTypeSupported(MIME) ? { mimeType: MIME, audioBitsPerSecond: 32_000 } : {}
        recorder = new MediaRecorder(stream, options)
        const startedAt = performance.now()
        let seq = 0
        recorder.ondataavailable = (event) => {
          if (!event.data.size) return
          const offset = performance.now() - startedAt
          uploader.push({ segment, seq: seq++, offset, activity: meter?.take() ?? 0, data: event.data })
          if (!cancelled) setState({ status: 'recording', sent: uploader.sent })
        }
        recorder.start(CHUNK_MS)
        setState({ status: 'recording', sent: 0 })
      } catch (error) {
        if (!cancelled) setState({ status: 'error', message: microphoneError(error) })
      }
    })()
    return () => {
      cancelled = true
      // Stopping flushes the last chunk (ondataavailable), which still uploads.
      if (recorder && recorder.state !== 'inactive') recorder.stop()
      stream?.getTracks().forEach((t) => t.stop())
      meter?.close()
    }
  }, [roomId, sessionId, active])

  return active && sessionId ? state : OFF
}

const OFF: MicRecorderState = { status: 'off' }

function microphoneError(error: unknown): string {
  const name = (error as { name?: string })?.name
  if (name === 'NotAllowedError') return 'The browser did not allow the microphone, so you are not being recorded.'
  if (name === 'NotFoundError') return 'No microphone was found, so you are not being recorded.'
  return `The microphone could not be recorded: ${(error as Error)?.message ?? String(error)}`
}
