'use client'

import { useEffect, useState } from 'react'

/**
 * The microphones this browser offers (`enumerateDevices`), kept up to date
 * when one is plugged in or out. Labels are empty until the page has been
 * allowed a microphone; they are named "Microphone 1, 2…" then.
 */
export function useMicrophones(active: boolean): { deviceId: string; label: string }[] {
  const [devices, setDevices] = useState<{ deviceId: string; label: string }[]>([])
  useEffect(() => {
    if (!active || !navigator.mediaDevices?.enumerateDevices) return
    let cancelled = false
    const read = async () => {
      const all = await navigator.mediaDevices.enumerateDevices().catch(() => [])
      const inputs = all.filter((d) => d.kind === 'audioinput' && d.deviceId)
      if (!cancelled)
        setDevices(inputs.map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Microphone ${i + 1}` })))
    }
    void read()
    navigator.mediaDevices.addEventListener('devicechange', read)
    return () => {
      cancelled = true
      navigator.mediaDevices.removeEventListener('devicechange', read)
    }
  }, [active])
  return devices
}
