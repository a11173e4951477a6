'use client'

import { useEffect, useMemo, useState } from 'react'
import { PresenceTrack } from '@/lib/replay/PresenceTrack'
import { ReplayTimeline } from '@/lib/replay/ReplayTimeline'
import type { ReplayManifest } from '@/server/replay/ReplayService'
import { decodeEntryData, fetchManifest, streamLog } from './replayApi'

/**
 * Loads a room's replay: the manifest, then the board's log and the recorded
 * cursors, chunk by chunk, into a {@link ReplayTimeline} and a
 * {@link PresenceTrack}. The returned version changes as chunks arrive.
 */
export function useReplayData(roomId: string) {
  const timeline = useMemo(() => new ReplayTimeline(), [roomId])
  const track = useMemo(() => new PresenceTrack(), [roomId])
  const [manifest, setManifest] = useState<ReplayManifest | null>(null)
  const [progress, setProgress] = useState({ entries: 0, done: false, error: null as string | null })
  useEffect(() => {
    const abort = new AbortController()
    const fail = (error: unknown) => !abort.signal.aborted && setProgress((p) => ({ ...p, error: String(error) }))
    fetchManifest(roomId).then((m) => !abort.signal.aborted && setManifest(m), fail)
    void (async () => {
      for await (const chunk of streamLog(roomId, 'board', abort.signal)) {
        timeline.append(chunk.map((e) => ({ seq: e.seq, time: e.time, update: decodeEntryData(e.data) })))
        setProgress((p) => ({ ...p, entries: timeline.length }))
      }
      setProgress((p) => ({ ...p, done: true }))
    })().catch(fail)
    void (async () => {
      const decoder = new TextDecoder()
      for await (const chunk of streamLog(roomId, 'presence', abort.signal)) {
        track.append(
          chunk.flatMap((e) => {
            try {
              const { c, s } = JSON.parse(decoder.decode(decodeEntryData(e.data))) as { c: number; s: unknown }
              return typeof c === 'number' ? [{ time: e.time, client: c, state: s }] : []
            } catch {
              return []
            }
          })
        )
      }
    })().catch(() => undefined)
    return () => abort.abort()
  }, [roomId, timeline, track])
  return { timeline, track, manifest, progress }
}
