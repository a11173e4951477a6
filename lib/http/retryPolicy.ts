import { HttpError } from './fetchJson'

/** The first pause before a request that could not be sent is tried again; it doubles up to {@link MAX_PAUSE_MS}. */
const FIRST_PAUSE_MS = 1_000
/** The longest pause between two automatic tries. */
const MAX_PAUSE_MS = 15_000
/** The longest `Retry-After` honoured: a server asking for more is asked again after this long. */
const MAX_RETRY_AFTER_MS = 60_000

/** Whether the server's error answer says it is busy (5xx, 408, 429): the same request may succeed later. */
export function serverBusy(error: HttpError): boolean {
  return error.status >= 500 || error.status === 408 || error.status === 429
}

/**
 * The browser's pauses between tries of one request that keeps failing for
 * a reason that may pass (nothing answered, or the server was busy): 1 s,
 * doubling to 15 s, or as long as the server's `Retry-After` asks (up to a
 * minute) when that is longer. {@link reset} after a success.
 *
 * @example
 * ```ts
 * const backoff = new RetryBackoff()
 * await sleep(backoff.next(error)) // 1 s, then 2, 4, 8, 15, 15…
 * ```
 */
export class RetryBackoff {
  private pause = FIRST_PAUSE_MS

  /** The pause before the next try after `error`; grows the one after. */
  next(error: unknown): number {
    const asked = error instanceof HttpError ? Math.min(error.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS) : 0
    const delay = Math.max(this.pause, asked)
    this.pause = Math.min(this.pause * 2, MAX_PAUSE_MS)
    return delay
  }

  /** Back to the first pause (a try succeeded, or the user asked to try now). */
  reset(): void {
    this.pause = FIRST_PAUSE_MS
  }
}
