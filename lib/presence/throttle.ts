/**
 * Calls `fn` at most once per `intervalMs`, always delivering the latest call
 * (trailing edge) so the last cursor position is never dropped.
 *
 * @example
 * ```ts
 * const send = throttle(() => awareness.setLocalState(state), 50) // ≤ 20 Hz
 * send(); send(); send() // one call now, one 50 ms later
 * send.cancel()
 * ```
 */
export function throttle(fn: () => void, intervalMs: number): (() => void) & { cancel(): void } {
  let last = -Infinity
  let timer: ReturnType<typeof setTimeout> | null = null
  const run = () => {
    timer = null
    last = Date.now()
    fn()
  }
  const throttled = () => {
    if (timer) return
    const wait = last + intervalMs - Date.now()
    if (wait <= 0) run()
    else timer = setTimeout(run, wait)
  }
  throttled.cancel = () => {
    if (timer) clearTimeout(timer)
    timer = null
  }
  return throttled
}
