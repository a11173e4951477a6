'use client'

import { useEffect, useRef, useState } from 'react'

/** A stretch with no edit for this long is skipped (when "skip idle" is on) to a second before the next edit. */
export const IDLE_GAP_MS = 3_000

/**
 * The playback clock: a position in server time that advances at `speed`
 * while playing, jumping over idle stretches when asked, and stopping at the
 * end.
 *
 * @param nextActivityAfter - the time of the next recorded edit after a time (null: none).
 */
export function usePlayback(
  start: number | null,
  end: number | null,
  nextActivityAfter: (time: number) => number | null
) {
  const [position, setPosition] = useState<number | null>(null)
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState(1)
  const [skipIdle, setSkipIdle] = useState(true)
  const next = useRef(nextActivityAfter)
  next.current = nextActivityAfter

  useEffect(() => {
    if (position === null && start !== null) setPosition(start)
  }, [start, position])

  useEffect(() => {
    if (!playing || end === null) return
    let last = performance.now()
    let frame = requestAnimationFrame(function tick(now) {
      const elapsed = (now - last) * speed
      last = now
      setPosition((p) => {
        let target = (p ?? start ?? 0) + elapsed
        if (skipIdle) {
          const upcoming = next.current(p ?? 0)
          if (upcoming !== null && upcoming - (p ?? 0) > IDLE_GAP_MS) target = Math.max(target, upcoming - 1_000)
        }
        if (target >= end) {
          setPlaying(false)
          return end
        }
        return target
      })
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [playing, speed, skipIdle, start, end])

  return { position, setPosition, playing, setPlaying, speed, setSpeed, skipIdle, setSkipIdle }
}
