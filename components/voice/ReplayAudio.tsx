'use client'

import { Volume2, VolumeX } from 'lucide-react'
import type { AudioManifest } from '@/lib/audio/audioSchemas'
import { audioApi } from './audioApi'
import { SegmentPlayer } from './SegmentPlayer'
import { speakerColor } from './speakerColors'
import styles from './replayAudio.module.css'

/** Props of {@link ReplayAudio}. */
export interface ReplayAudioProps {
  roomId: string
  sessionId: string
  manifest: AudioManifest
  position: number
  playing: boolean
  speed: number
  /** Speakers whose sound is off. */
  muted: ReadonlySet<string>
  onMute: (userId: string, muted: boolean) => void
  onShare: (shared: boolean) => void
}

/**
 * The replay's sound: every participant's recorded track playing in step
 * with the board, a mute switch per speaker (in their timeline colour), who
 * declined to be recorded, and for interviewers the switch that lets the
 * candidate hear the recording.
 */
export function ReplayAudio(props: ReplayAudioProps) {
  const { manifest, muted } = props
  if (!manifest.tracks.length && !manifest.declined.length && !manifest.recording.on) return null
  return (
    <div className={styles.bar} data-testid="replay-audio-bar">
      {manifest.tracks.map((track, index) => {
        const off = muted.has(track.userId)
        return (
          <button
            key={track.userId}
            type="button"
            className={styles.speaker}
            style={{ borderColor: speakerColor(index) }}
            aria-pressed={!off}
            onClick={() => props.onMute(track.userId, !off)}
            title={off ? `Unmute ${track.name}` : `Mute ${track.name}`}
            data-testid="speaker-mute"
            data-user={track.userId}
          >
            {off ? <VolumeX size={14} aria-hidden /> : <Volume2 size={14} aria-hidden />}
            {track.name}
          </button>
        )
      })}
      {manifest.tracks.flatMap((track) =>
        track.segments.map((segment) => (
          <SegmentPlayer
            key={`${track.userId}-${segment.id}`}
            src={audioApi.segmentUrl(props.roomId, props.sessionId, track.userId, segment.id)}
            segment={segment}
            position={props.position}
            playing={props.playing}
            speed={props.speed}
            muted={muted.has(track.userId)}
            userId={track.userId}
          />
        ))
      )}
      {!manifest.tracks.length && <span className={styles.muted}>Nothing was recorded.</span>}
      {manifest.declined.length > 0 && (
        <span className={styles.muted}>Not recorded (declined): {manifest.declined.map((d) => d.name).join(', ')}</span>
      )}
      {manifest.canShare && (
        <label className={styles.share}>
          <input
            type="checkbox"
            checked={manifest.recording.sharedWithCandidate}
            onChange={(e) => props.onShare(e.target.checked)}
            data-testid="share-recording"
          />
          Candidate may hear the recording
        </label>
      )}
    </div>
  )
}
