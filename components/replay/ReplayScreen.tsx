'use client'

import { useEffect, useState } from 'react'
import { nextSpeechAt } from '@/lib/audio/audioPlacement'
import { wallTimeAt } from '@/lib/session/sessionTimeline'
import { formatClock } from '@/lib/session/timer'
import { ReplayCanvas } from './ReplayCanvas'
import { ReplayControls } from './ReplayControls'
import { ReplayEmpty } from './ReplayEmpty'
import { ReplayLoadError } from './ReplayLoadError'
import { RestoreVersion } from './RestoreVersion'
import { usePlayback } from './usePlayback'
import { useReplayData } from './useReplayData'
import { ReplayAudio } from '../voice/ReplayAudio'
import { SpeechBands } from '../voice/SpeechBands'
import { useReplayAudio } from '../voice/useReplayAudio'
import styles from './replay.module.css'

/**
 * The replay page: the board rebuilt edit by edit on a read-only canvas, with
 * cursors, the session's recorded sound in step with it (for those who may
 * hear it), and the controls below. `?at=<server ms>` or `?clock=<session
 * clock ms>` (what rubric notes carry) opens at that moment.
 */
export default function ReplayScreen({
  roomId,
  sessionId,
  at,
  clock,
}: {
  roomId: string
  sessionId: string | null
  at: number | null
  clock: number | null
}) {
  const { timeline, track, manifest, progress } = useReplayData(roomId, sessionId)
  const span = timeline.span
  // A session's replay runs on its own range (a few seconds around its start
  // and end), but never before the board's first entry (its seed: a board
  // with no page yet is nothing to show); the board's whole-life replay runs on the log's.
  const range = manifest?.range
  const ready = span !== null && (!sessionId || manifest !== null)
  const start = ready ? (range ? Math.max(range.start, span.start) : span.start) : null
  const end = ready && start !== null ? Math.max(range ? (range.end ?? span.end) : span.end, start) : null
  const audio = useReplayAudio(roomId, sessionId)
  const sound = audio.state.status === 'ready' ? audio.state.manifest : null
  const segments = sound?.tracks.flatMap((t) => t.segments) ?? []
  const [muted, setMuted] = useState<ReadonlySet<string>>(new Set())
  // "Skip idle" skips silence too: talk counts as activity, like an edit.
  const playback = usePlayback(start, end, (time) => {
    const edit = timeline.nextTimeAfter(time)
    const talk = nextSpeechAt(segments, time)
    return edit === null ? talk : talk === null ? edit : Math.min(edit, talk)
  })

  // Jump to the moment the link asked for, once the manifest (for ?clock=) and some of the log are in.
  useEffect(() => {
    if (!span || !manifest) return
    const target = at ?? (clock !== null ? wallTimeAt(manifest.events, clock) : null)
    if (target !== null) playback.setPosition(target)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [manifest, span !== null])

  if (progress.error) return <ReplayLoadError roomId={roomId} error={progress.error} />
  if (start === null || end === null || playback.position === null) {
    // Empty only once the whole log is in and held nothing: until then (the manifest may come after the log) it loads.
    if (progress.done && span === null) return <ReplayEmpty roomId={roomId} />
    return (
      <p className={styles.message} data-testid="replay-loading">
        {sessionId ? 'Loading the session…' : 'Loading the board’s history…'}
      </p>
    )
  }
  return (
    <div
      className={styles.screen}
      data-testid="replay"
      data-entries={progress.entries}
      data-loaded={progress.done || undefined}
    >
      <header className={styles.header}>
        <a href={`/r/${roomId}`}>← Board</a>
        {sessionId && <a href={`/r/${roomId}/s/${sessionId}/summary`}>Summary</a>}
        <span>Replay{progress.done ? '' : ` (loading ${progress.entries} edits…)`}</span>
        {manifest?.canRestore && (
          <RestoreVersion
            roomId={roomId}
            seq={timeline.seqAt(playback.position)}
            moment={`${formatClock(playback.position - start)} into the replay (${new Date(playback.position).toLocaleTimeString()})`}
            ready={progress.done}
            onOpen={() => playback.setPlaying(false)}
          />
        )}
      </header>
      <div className={styles.canvas}>
        <ReplayCanvas
          timeline={timeline}
          track={track}
          position={playback.position}
          loaded={progress.done}
          members={manifest?.members}
        />
      </div>
      {sessionId && sound && (
        <ReplayAudio
          roomId={roomId}
          sessionId={sessionId}
          manifest={sound}
          position={playback.position}
          playing={playback.playing}
          speed={playback.speed}
          muted={muted}
          onMute={(userId, off) =>
            setMuted((m) => {
              const next = new Set(m)
              if (off) next.add(userId)
              else next.delete(userId)
              return next
            })
          }
          onShare={(shared) => void audio.share(shared)}
        />
      )}
      {audio.state.status === 'refused' && (
        <p className={styles.audioNote} data-testid="replay-audio-refused">
          Sound: {audio.state.message}.
        </p>
      )}
      <ReplayControls
        start={start}
        end={end}
        position={playback.position}
        playing={playback.playing}
        speed={playback.speed}
        skipIdle={playback.skipIdle}
        phases={manifest?.phases ?? []}
        notes={manifest?.notes ?? null}
        sessionEnd={manifest?.sessionEnd ?? null}
        onSeek={(time) => playback.setPosition(Math.min(Math.max(time, start), end))}
        onPlay={playback.setPlaying}
        onSpeed={playback.setSpeed}
        onSkipIdle={playback.setSkipIdle}
        lanes={
          sound?.tracks.length ? (
            <SpeechBands
              tracks={sound.tracks}
              start={start}
              end={end}
              onSeek={(time) => playback.setPosition(Math.min(Math.max(time, start), end))}
            />
          ) : null
        }
      />
    </div>
  )
}
