/**
 * A request the server answered with an error status. `message` is the
 * server's own `{ error }` when it sent one (the API's messages are written
 * for people), else a fallback naming the status.
 */
export class HttpError extends Error {
  constructor(
    /** The HTTP status the server answered with. */
    readonly status: number,
    message: string,
    /** How long the server asked to wait before trying again (its `Retry-After`), if it said. */
    readonly retryAfterMs?: number
  ) {
    super(message)
  }
}

/**
 * A response's `Retry-After` in milliseconds (the header holds seconds or an
 * HTTP date); undefined when absent or unreadable.
 */
export function retryAfterMs(response: Pick<Response, 'headers'>, now = Date.now()): number | undefined {
  const value = response.headers.get('retry-after')?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Options of {@link fetchJson}. */
export interface FetchJsonInit {
  /** Default `GET`. Other methods send `content-type: application/json`. */
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Sent as JSON when given. */
  body?: unknown
  /** The message when an error answer has no `{ error }` (default `request failed: <status>`). */
  statusMessage?: (status: number) => string
}

/**
 * The browser's JSON call to the app's API: never cached, JSON in and out.
 * Resolves with the parsed body (`{}` when it is empty or not JSON); rejects
 * with an {@link HttpError} for an error status, and with fetch's own
 * `TypeError` when the server could not be reached.
 *
 * @example
 * ```ts
 * const { roomId } = await fetchJson<{ roomId: string }>(`/api/rooms/${id}/duplicate`, { method: 'POST' })
 * ```
 */
export async function fetchJson<T>(url: string, init: FetchJsonInit = {}): Promise<T> {
  const { method = 'GET', body, statusMessage = (status) => `request failed: ${status}` } = init
  const response = await fetch(url, {
    method,
    cache: 'no-store',
    ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' } }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const json = (await response.json().catch(() => ({}))) as T & { error?: unknown }
  if (!response.ok) {
    const message = typeof json.error === 'string' ? json.error : statusMessage(response.status)
    throw new HttpError(response.status, message)
  }
  return json
}
