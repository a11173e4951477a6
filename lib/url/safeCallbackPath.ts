/**
 * An origin no real request has: callback URLs are judged against it when the
 * app's own origin is unknown, so only relative paths can pass.
 */
const PLACEHOLDER_ORIGIN = 'http://mockboard.invalid'

/** Longest callback URL kept; anything longer falls back to `/`. */
const MAX_LENGTH = 2048

/**
 * Turns an untrusted callback URL (`?callbackUrl=` after sign-in, and the like)
 * into a path on this app, or `fallback` when it would leave the origin.
 *
 * The value is parsed the way a browser would resolve it against `origin`
 * (WHATWG URL: `\` counts as `/`, tabs and newlines are dropped, leading
 * spaces and control characters trimmed), so `/\evil`, `//evil`, `\\/evil`,
 * `/\t/evil`, `https://evil` and `javascript:…` all come back as `fallback`.
 * The result is `path + query + hash`; it is re-checked so that it cannot
 * itself be read as protocol-relative (`/.//evil` normalises to `//evil`).
 *
 * @param value - the untrusted URL (relative or absolute), already decoded once as a query parameter.
 * @param origin - the app's own origin, e.g. `https://mock.example.com`; absolute URLs on it are accepted.
 * @param fallback - what to return for anything else (`/`).
 */
export function safeCallbackPath(value: unknown, origin: string = PLACEHOLDER_ORIGIN, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return fallback
  let base: URL
  try {
    base = new URL(origin)
  } catch {
    base = new URL(PLACEHOLDER_ORIGIN)
  }
  const resolved = parseOn(value, base)
  if (!resolved) return fallback
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`
  // The path must stand on its own: read again as a relative URL it must stay here.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback
  const again = parseOn(path, base)
  return again && again.href === resolved.href ? path : fallback
}

function parseOn(value: string, base: URL): URL | null {
  try {
    const url = new URL(value, base)
    return url.origin === base.origin ? url : null
  } catch {
    return null
  }
}
