/** Reads one request header (a `Headers` object or Node's lower-cased header record). */
export type HeaderReader = (name: string) => string | null | undefined

/** A header reader over a `Headers` object or a plain `{ name: value }` record. */
export function headerReader(
  headers: Pick<Headers, 'get'> | Record<string, string | string[] | undefined> | undefined
): HeaderReader {
  if (!headers) return () => null
  if (typeof headers.get === 'function') {
    const h = headers as Pick<Headers, 'get'>
    return (name) => h.get(name)
  }
  const record = headers as Record<string, string | string[] | undefined>
  return (name) => {
    const value = record[name.toLowerCase()]
    return Array.isArray(value) ? value[0] : value
  }
}

/**
 * The origins this app answers on for one request: `NEXTAUTH_URL`'s origin
 * when set, and the one the request itself names (`Host`, with the scheme
 * from `X-Forwarded-Proto`, which `server/main.ts` sets to `http` when no TLS
 * proxy did). Trusting the request's Host is safe for origin checks: a forged
 * Host only fools a request its sender makes with their own cookies, and a
 * browser always sends the real one.
 */
export function appOrigins(
  header: HeaderReader,
  env: Readonly<Record<string, string | undefined>> = process.env
): Set<string> {
  const origins = new Set<string>()
  const configured = originOf(env.NEXTAUTH_URL)
  if (configured) origins.add(configured)
  const fromHost = requestOrigin(header)
  if (fromHost) origins.add(fromHost)
  return origins
}

/** `<proto>://<host>` of a request, from its `Host` and `X-Forwarded-Proto` headers; null when unusable. */
export function requestOrigin(header: HeaderReader): string | null {
  const host = header('host')
  if (!host) return null
  const forwarded = header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  const proto = forwarded === 'https' ? 'https' : 'http'
  // A Host with a path, credentials or anything else in it is not a host.
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) return null
  return originOf(`${proto}://${host}`)
}

/** The origin of an absolute http(s) URL, or null. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null
  } catch {
    return null
  }
}

/** The app's canonical origin for a request: `NEXTAUTH_URL`'s when set, else the request's own. */
export function primaryOrigin(
  header: HeaderReader,
  env: Readonly<Record<string, string | undefined>> = process.env
): string | null {
  return originOf(env.NEXTAUTH_URL) ?? requestOrigin(header)
}
