'use client'

import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react'

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
  // Ticks ask the latest function without restarting the clock when it changes.
  const nextActivity = useEffectEvent((time: number) => nextActivityAfter(time))

  // The position starts at the start, once it is known (later changes of the start leave it where it is).
  if (position === null && start !== null) setPosition(start)

  // The position as of the last tick, so ticks never depend on React having rendered in between.
  const current = useRef(position)
  useLayoutEffect(() => {
    current.current = position
  }, [position])

  useEffect(() => {
    if (!playing || end === null) return
    let last = performance.now()
    // A timer, not requestAnimationFrame: rAF stops in a hidden tab and slows under load; 25 ticks a second is plenty.
    const timer = setInterval(() => {
      const now = performance.now()
      const from = current.current ?? start ?? 0
      let target = from + (now - last) * speed
      last = now
      if (skipIdle) {
        const upcoming = nextActivity(from)
        if (upcoming !== null && upcoming - from > IDLE_GAP_MS) target = Math.max(target, upcoming - 1_000)
      }
      if (target >= end) {
        current.current = end
        setPosition(end)
        setPlaying(false)
      } else {
        current.current = target
        setPosition(target)
      }
    }, 40)
    return () => clearInterval(timer)
  }, [playing, speed, skipIdle, start, end])

  return { position, setPosition, playing, setPlaying, speed, setSpeed, skipIdle, setSkipIdle }
}
