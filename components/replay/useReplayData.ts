'use client'

import { useEffect, useState } from 'react'
import { PresenceTrack } from '@/lib/replay/PresenceTrack'
import { decodeRecordedPresence } from '@/lib/replay/recordedPresence'
import { ReplayTimeline } from '@/lib/replay/ReplayTimeline'
import type { ReplayManifest } from '@/lib/replay/replayManifest'
import { decodeEntryData, fetchManifest, streamLog } from './replayApi'

/** Log entries turned into records per slice of main-thread work (~5–10 ms each; see `ReplayTimeline.append`). */
const APPEND_SLICE = 200

/**
 * Loads a replay (one session's, or with no session the board's whole life): the manifest, then the board's log and the recorded
 * cursors, chunk by chunk, into a {@link ReplayTimeline} and a
 * {@link PresenceTrack}. The returned version changes as chunks arrive.
 */
export function useReplayData(roomId: string, sessionId: string | null) {
  // A new timeline and track for each replay: on another room or session, replaced during render (not after a commit).
  const [source, setSource] = useState(() => emptySource(roomId, sessionId))
  if (source.roomId !== roomId || source.sessionId !== sessionId) setSource(emptySource(roomId, sessionId))
  const { timeline, track } = source
  const [manifest, setManifest] = useState<ReplayManifest | null>(null)
  const [progress, setProgress] = useState({ entries: 0, done: false, error: null as Error | null })
  useEffect(() => {
    const abort = new AbortController()
    // Kept as the error itself: its class and status say what happened (`replayLoadFailure`).
    const fail = (error: unknown) =>
      !abort.signal.aborted &&
      setProgress((p) => ({ ...p, error: error instanceof Error ? error : new Error(String(error)) }))
    fetchManifest(roomId, sessionId).then((m) => !abort.signal.aborted && setManifest(m), fail)
    void (async () => {
      for await (const chunk of streamLog(roomId, sessionId, 'board', abort.signal)) {
        // In slices, yielding between them: a chunk of 2,000 entries never blocks input or painting for long,
        // and the first slice is enough to show the start.
        for (let i = 0; i < chunk.length && !abort.signal.aborted; i += APPEND_SLICE) {
          if (i) await new Promise((resolve) => setTimeout(resolve, 0))
          const slice = chunk.slice(i, i + APPEND_SLICE)
          timeline.append(slice.map((e) => ({ seq: e.seq, time: e.time, update: decodeEntryData(e.data) })))
          setProgress((p) => ({ ...p, entries: timeline.length }))
        }
      }
      timeline.release()
      setProgress((p) => ({ ...p, done: true }))
    })().catch(fail)
    void (async () => {
      for await (const chunk of streamLog(roomId, sessionId, 'presence', abort.signal)) {
        track.append(
          chunk.flatMap((e) =>
            decodeRecordedPresence({ time: e.time, author: e.author, update: decodeEntryData(e.data) })
          )
        )
      }
    })().catch(() => undefined)
    return () => abort.abort()
  }, [roomId, sessionId, timeline, track])
  return { timeline, track, manifest, progress }
}

/** Where one replay's log and cursors are collected, tagged with whose replay it is. */
function emptySource(roomId: string, sessionId: string | null) {
  return { roomId, sessionId, timeline: new ReplayTimeline(), track: new PresenceTrack() }
}
