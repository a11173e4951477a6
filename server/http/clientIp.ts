import { z } from 'zod'

/**
 * The request header `server/main.ts` stamps with the client's address before
 * Next sees the request (overwriting whatever the client sent), for per-IP
 * quotas in route handlers and next-auth, which cannot see the socket.
 */
export const CLIENT_IP_HEADER = 'x-mockboard-client-ip'

/** `TRUST_PROXY_HOPS`: how many reverse proxies in front append to `X-Forwarded-For` (0: none). */
export function trustedProxyHops(env: Readonly<Record<string, string | undefined>> = process.env): number {
  return z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .catch(0)
    .parse(env.TRUST_PROXY_HOPS ?? 0)
}

/**
 * The client's address: the socket's peer, or with `hops` trusted proxies in
 * front, the address the outermost of them saw (the `hops`-th entry from the
 * right of `X-Forwarded-For`; entries further left are the client's own
 * claims and are never trusted).
 */
export function clientIp(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  hops: number
): string {
  const socket = normalise(remoteAddress) ?? 'unknown'
  if (hops <= 0 || forwardedFor === undefined) return socket
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return normalise(chain[chain.length - hops]) ?? normalise(chain[0]) ?? socket
}

function normalise(address: string | undefined): string | null {
  if (!address) return null
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address
  return /^[0-9A-Fa-f:.]{2,45}$/.test(plain) ? plain : null
}
