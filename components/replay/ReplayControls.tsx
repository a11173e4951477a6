'use client'

import type { ReactNode } from 'react'
import { Pause, Play } from 'lucide-react'
import type { PhaseMark } from '@/lib/session/sessionTimeline'
import { formatClock } from '@/lib/session/timer'
import type { NoteMark } from '@/lib/replay/replayManifest'
import { placeLabelledMarkers, trackPercent, type MarkerPlacement } from './markerLayout'
import styles from './replay.module.css'

/** Playback speeds offered. */
export const REPLAY_SPEEDS = [1, 2, 4, 8, 16] as const

/** Props of {@link ReplayControls}. */
export interface ReplayControlsProps {
  start: number
  end: number
  position: number
  playing: boolean
  speed: number
  skipIdle: boolean
  phases: PhaseMark[]
  notes: NoteMark[] | null
  /** When the session ended (an end marker), or null. */
  sessionEnd: number | null
  onSeek: (time: number) => void
  onPlay: (playing: boolean) => void
  onSpeed: (speed: number) => void
  onSkipIdle: (skip: boolean) => void
  /** Drawn under the scrubber, on its time axis (who spoke when). */
  lanes?: ReactNode
}

/**
 * Play/pause, speed, "skip idle and silence", and the scrubber with the interview's
 * phases and (for interviewers) rubric notes marked on it; clicking a marker
 * jumps to its moment.
 */
export function ReplayControls(props: ReplayControlsProps) {
  const { start, end, position, playing, speed, skipIdle, phases, notes } = props
  const span = Math.max(1, end - start)
  const left = (time: number) => `${trackPercent(time, start, end)}%`
  // Phase labels (and End) each end before the next marker, so close phases never print over each other.
  const labelled = placeLabelledMarkers(
    [...phases.map((phase) => phase.at), ...(props.sessionEnd !== null ? [props.sessionEnd] : [])],
    start,
    end
  )
  const placed = (placement: MarkerPlacement | undefined) =>
    placement && {
      left: `${placement.leftPct}%`,
      maxWidth: placement.maxWidthPct === null ? undefined : `${placement.maxWidthPct}%`,
    }
  return (
    // A named region (landmark): the time, the scrubber, speed and skip-idle are found, and skipped, as one.
    <section className={styles.controls} aria-label="Replay controls" data-testid="replay-controls">
      <button
        type="button"
        className={styles.play}
        onClick={() => props.onPlay(!playing)}
        aria-label={playing ? 'Pause' : 'Play'}
        data-testid="replay-play"
      >
        {playing ? <Pause size={18} /> : <Play size={18} />}
      </button>
      <span className={styles.time} data-testid="replay-time">
        {formatClock(position - start)} / {formatClock(span)}
      </span>
      <div className={styles.track}>
        <input
          type="range"
          min={start}
          max={end}
          step="any"
          value={position}
          onChange={(e) => props.onSeek(Number(e.target.value))}
          aria-label="Position in the session"
          data-testid="replay-scrubber"
        />
        {phases.map((phase, index) => (
          <button
            key={`${phase.id}-${phase.at}`}
            type="button"
            className={styles.phaseMark}
            style={placed(labelled[index])}
            onClick={() => props.onSeek(phase.at)}
            title={`${phase.label} began`}
            data-testid="phase-marker"
            data-phase={phase.id}
          >
            {phase.label}
          </button>
        ))}
        {props.sessionEnd !== null && (
          <button
            type="button"
            className={styles.phaseMark}
            style={placed(labelled[phases.length])}
            onClick={() => props.onSeek(props.sessionEnd!)}
            title="The session ended"
            data-testid="end-marker"
          >
            End
          </button>
        )}
        {notes?.map((note) => (
          <button
            key={note.id}
            type="button"
            className={styles.noteMark}
            style={{ left: left(note.at) }}
            onClick={() => props.onSeek(note.at)}
            title={note.text}
            aria-label={`Note: ${note.text}`}
            data-testid="note-marker"
          />
        ))}
        {props.lanes}
      </div>
      <select
        value={speed}
        onChange={(e) => props.onSpeed(Number(e.target.value))}
        aria-label="Speed"
        data-testid="replay-speed"
      >
        {REPLAY_SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <label className={styles.skip}>
        <input
          type="checkbox"
          checked={skipIdle}
          onChange={(e) => props.onSkipIdle(e.target.checked)}
          data-testid="skip-idle"
        />{' '}
        {/* Silence counts only when there is sound: the lanes show whenever anything was recorded. */}
        {props.lanes ? 'Skip idle and silence' : 'Skip idle'}
      </label>
    </section>
  )
}
