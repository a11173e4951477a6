'use client'

import { useEffect, useRef, useState } from 'react'
import type { AudioSegment } from '@/lib/audio/audioSchemas'
import { audioSyncStep } from '@/lib/audio/audioSync'

/** Props of {@link SegmentPlayer}. */
export interface SegmentPlayerProps {
  /** Where the media is (`GET …/audio/segment`). */
  src: string
  segment: AudioSegment
  /** The replay's position, server time. */
  position: number
  playing: boolean
  speed: number
  muted: boolean
  userId: string
}

/**
 * One recorded segment as an `<audio>` element that follows the replay's
 * clock: it plays while the position is inside the segment, seeks when the
 * position jumps, closes small drift by playing a little faster or slower
 * ({@link audioSyncStep}), runs at the replay's speed with the pitch kept
 * (`preservesPitch`), and mutes without losing its place. The
 * media is fetched once, whole, and played from memory, so seeking never
 * waits for the network.
 */
export function SegmentPlayer({ src, segment, position, playing, speed, muted, userId }: SegmentPlayerProps) {
  const ref = useRef<HTMLAudioElement>(null)
  const [url, setUrl] = useState<string | null>(null)

  useEffect(() => {
    let objectUrl: string | null = null
    let stale = false
    void fetch(src, { cache: 'no-store' })
      .then((r) => (r.ok ? r.blob() : null))
      .then((blob) => {
        if (!blob || stale) return
        objectUrl = URL.createObjectURL(new Blob([blob], { type: 'audio/webm' }))
        setUrl(objectUrl)
      })
      .catch(() => undefined)
    return () => {
      stale = true
      if (objectUrl) URL.revokeObjectURL(objectUrl)
    }
  }, [src])

  useEffect(() => {
    const el = ref.current
    if (!el || !url) return
    el.preservesPitch = true
    el.muted = muted
    const inside = position >= segment.start && position < segment.end
    if (inside) {
      // A seek in flight is not drift: seeking again before it lands would stall playback in a loop.
      const step = audioSyncStep(el.currentTime, (position - segment.start) / 1000, speed, playing)
      if (step.seekTo !== null && !el.seeking) el.currentTime = step.seekTo
      el.playbackRate = step.rate
    } else {
      el.playbackRate = speed
    }
    if (playing && inside) {
      if (el.paused) void el.play().catch(() => undefined)
    } else if (!el.paused) {
      el.pause()
    }
  }, [url, position, playing, speed, muted, segment.start, segment.end])

  return (
    <audio
      ref={ref}
      src={url ?? undefined}
      preload="auto"
      data-testid="replay-audio"
      data-user={userId}
      data-segment={segment.id}
      data-start={segment.start}
      data-end={segment.end}
      data-ready={url ? true : undefined}
    />
  )
}
