'use client'

import type { AudioTrack } from '@/lib/audio/audioSchemas'
import { speakerColor } from './speakerColors'
import styles from './replayAudio.module.css'

/**
 * Who spoke when, under the replay's scrubber: one thin lane per speaker,
 * the stretches they were recorded faint and the stretches they talked solid,
 * in their colour. Clicking a stretch of talk jumps to its start.
 */
export function SpeechBands({
  tracks,
  start,
  end,
  onSeek,
}: {
  tracks: AudioTrack[]
  start: number
  end: number
  onSeek: (time: number) => void
}) {
  const span = Math.max(1, end - start)
  const clamp = (t: number) => Math.min(Math.max(t - start, 0), span)
  const box = (from: number, to: number) => ({
    left: `${(100 * clamp(from)) / span}%`,
    width: `${(100 * Math.max(clamp(to) - clamp(from), 0)) / span}%`,
  })
  return (
    <div className={styles.lanes} aria-hidden data-testid="speech-bands">
      {tracks.map((track, index) => (
        <div key={track.userId} className={styles.lane} title={track.name}>
          {track.segments.map((segment) => (
            <span
              key={segment.id}
              className={styles.recorded}
              style={{ ...box(segment.start, segment.end), background: speakerColor(index) }}
            />
          ))}
          {track.segments.flatMap((segment) =>
            segment.speech.map((talk) => (
              <span
                key={`${segment.id}-${talk.start}`}
                className={styles.talk}
                style={{ ...box(talk.start, talk.end), background: speakerColor(index) }}
                onClick={() => onSeek(talk.start)}
                data-testid="speech-band"
              />
            ))
          )}
        </div>
      ))}
    </div>
  )
}
