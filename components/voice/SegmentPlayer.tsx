'use client'

import { useEffect, useRef, useState } from 'react'
import type { AudioSegment } from '@/lib/audio/audioSchemas'

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
 * position jumps or drifts away from it, runs at the replay's speed with the
 * pitch kept (`preservesPitch`), and mutes without losing its place. The
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
    el.playbackRate = speed
    el.muted = muted
    const local = (position - segment.start) / 1000
    const inside = position >= segment.start && position < segment.end
    // Playing drifts a little from the replay's clock; re-seek only past a tolerance that grows with speed.
    const tolerance = playing ? Math.max(0.25, 0.08 * speed) : 0.05
    // A seek in flight is not drift: seeking again before it lands would stall playback in a loop.
    if (inside && !el.seeking && Math.abs(el.currentTime - local) > tolerance) el.currentTime = local
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
