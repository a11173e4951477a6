'use client'

import { useEffect, useRef, useState } from 'react'
import { estimateClockOffset, type ClockSample } from '@/lib/session/clockOffset'

async function sample(): Promise<ClockSample | null> {
  try {
    const sentAt = Date.now()
    const response = await fetch('/api/time', { cache: 'no-store' })
    const { now } = (await response.json()) as { now: number }
    return { sentAt, receivedAt: Date.now(), serverNow: now }
  } catch {
    return null
  }
}

/**
 * The server's clock as this browser best knows it, ticking every 250 ms. The
 * offset comes from a few round trips to `/api/time` at mount and one a
 * minute after, so a browser whose clock is off still shows the same session
 * time as everyone else.
 *
 * @returns the current server time estimate (ms since the epoch).
 */
export function useServerClock(): number {
  const offset = useRef(0)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    let stopped = false
    const samples: ClockSample[] = []
    const measure = async (count: number) => {
      for (let i = 0; i < count && !stopped; i++) {
        const s = await sample()
        if (s) samples.push(s)
      }
      offset.current = estimateClockOffset(samples.slice(-8))
    }
    void measure(4)
    const resync = setInterval(() => void measure(1), 60_000)
    const tick = setInterval(() => setNow(Date.now() + offset.current), 250)
    return () => {
      stopped = true
      clearInterval(resync)
      clearInterval(tick)
    }
  }, [])
  return now
}
