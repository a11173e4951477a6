import { useEffect, useState } from 'react'

/**
 * False until `ready` is true and the browser has had an idle moment since
 * (or `timeoutMs` passed), then true for good. The board renders what can
 * wait (the palette, the session panel, the estimation card) only then, so
 * loading and rendering them never competes with tldraw drawing the board.
 */
export function useIdleAfter(ready: boolean, timeoutMs = 1000): boolean {
  const [idle, setIdle] = useState(false)
  useEffect(() => {
    if (!ready || idle) return
    return whenIdle(() => setIdle(true), timeoutMs)
  }, [ready, idle, timeoutMs])
  return idle
}

/** Calls `callback` at the next idle moment; returns a cancel function. Safari has no `requestIdleCallback`: a frame later there. */
function whenIdle(callback: () => void, timeoutMs: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(callback, { timeout: timeoutMs })
    return () => window.cancelIdleCallback(id)
  }
  const id = setTimeout(callback, 16)
  return () => clearTimeout(id)
}
