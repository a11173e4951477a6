import type { HeaderReader } from './appOrigin'

/** Methods that never change state; everything else is checked. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** What {@link guardStateChangingRequest} decided. */
export type GuardVerdict = { ok: true } | { ok: false; status: 403 | 415; error: string }

/** A request as the guard sees it. */
export interface GuardedRequest {
  method: string
  /** The URL's path, e.g. `/api/rooms`. */
  pathname: string
  header: HeaderReader
}

/**
 * Cross-site request forgery defence for every state-changing request
 * (POST, PUT, PATCH, DELETE, …), in one place (the proxy runs it first):
 *
 * 1. `Origin` present: it must be one of `allowedOrigins` (`null` never is).
 * 2. `Origin` absent: `Sec-Fetch-Site`, if present, must be `same-origin`.
 *    With neither header the request is allowed: that is curl, scripts and
 *    test clients (which must hold a session cookie of their own to do
 *    anything), or a browser old enough to send neither, where the session
 *    cookie's `SameSite=Lax` still keeps cross-site posts out. Every current
 *    browser sends `Origin` on POST and `Sec-Fetch-Site` on every request.
 *    (The same rule as Go 1.25's `http.CrossOriginProtection`.)
 * 3. Under `/api/`, a request with a body must say `Content-Type:
 *    application/json` (else 415): a cross-origin page can only send
 *    `text/plain`, form or multipart bodies without a CORS preflight, which
 *    this app never grants. A request without a body (content length 0, as
 *    the "New board" form and the invite buttons send) needs no type. The one
 *    exception is a session's audio chunk upload (`…/sessions/<id>/audio`),
 *    whose body is the recording itself (`audio/webm`): a type a cross-origin
 *    page cannot send without a preflight either.
 *
 * next-auth's own routes (`/api/auth/*`) are left to next-auth, which checks
 * its double-submit CSRF token on every POST.
 */
export function guardStateChangingRequest(request: GuardedRequest, allowedOrigins: ReadonlySet<string>): GuardVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true }
  if (request.pathname === '/api/auth' || request.pathname.startsWith('/api/auth/')) return { ok: true }
  const origin = request.header('origin')
  if (origin !== null && origin !== undefined) {
    if (!allowedOrigins.has(origin.trim().toLowerCase())) {
      return { ok: false, status: 403, error: 'cross-origin request refused' }
    }
  } else {
    const site = request.header('sec-fetch-site')
    if (site && site.trim().toLowerCase() !== 'same-origin') {
      return { ok: false, status: 403, error: 'cross-site request refused' }
    }
  }
  if (
    request.pathname.startsWith('/api/') &&
    hasBody(request.header) &&
    !isJson(request.header('content-type')) &&
    !isAudioUpload(request.pathname, request.header('content-type'))
  ) {
    return { ok: false, status: 415, error: 'send the body as JSON (content-type: application/json)' }
  }
  return { ok: true }
}

/** Whether the request carries a body: a non-zero `Content-Length`, or any `Transfer-Encoding`. */
function hasBody(header: HeaderReader): boolean {
  if (header('transfer-encoding')) return true
  const length = header('content-length')
  return length !== null && length !== undefined && length.trim() !== '0'
}

/** The audio chunk upload route, whose body is `audio/webm`. */
const AUDIO_UPLOAD = /^\/api\/rooms\/[A-Za-z0-9_-]+\/sessions\/[A-Za-z0-9_-]+\/audio$/

/** Whether this is an audio chunk sent to the audio upload route. */
function isAudioUpload(pathname: string, contentType: string | null | undefined): boolean {
  return AUDIO_UPLOAD.test(pathname) && contentType?.split(';')[0]?.trim().toLowerCase() === 'audio/webm'
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
function isJson(contentType: string | null | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json'
}
