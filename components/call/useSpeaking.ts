'use client'

import { useEffect, useState } from 'react'
import type { CallMesh } from '@/lib/call/CallMesh'
import { SpeechMeter, SPEAKING_LEVEL } from '../voice/SpeechMeter'

/** A remote peer's audio level (RTP audio level, 0–1) above which they count as talking. */
export const REMOTE_SPEAKING_LEVEL = 0.03

const EMPTY: ReadonlySet<string> = new Set()

/**
 * Who is talking now, by peer id (`selfId` for this browser), measured five
 * times a second: remote voices from the audio level of the packets received
 * (no decoding of ours), this browser's microphone with a Web Audio meter
 * (not while muted).
 */
export function useSpeaking(mesh: CallMesh | null, selfId: string | null, muted: boolean): ReadonlySet<string> {
  const [speaking, setSpeaking] = useState<ReadonlySet<string>>(EMPTY)
  const stream = mesh?.localStream ?? null
  useEffect(() => {
    if (!mesh) return
    const meter = stream && !muted ? new SpeechMeter(stream) : null
    const timer = setInterval(() => {
      const now = new Set<string>()
      for (const [peerId, level] of mesh.levels()) if (level > REMOTE_SPEAKING_LEVEL) now.add(peerId)
      if (selfId && meter && meter.level > SPEAKING_LEVEL) now.add(selfId)
      setSpeaking((before) => (sameSet(before, now) ? before : now))
    }, 200)
    return () => {
      clearInterval(timer)
      meter?.close()
      setSpeaking(EMPTY)
    }
  }, [mesh, stream, selfId, muted])
  return speaking
}

/** Whether two sets hold the same members (a state update that changes nothing is skipped). */
export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x))
}
