import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Who may read `/metrics`:
 * - with `METRICS_TOKEN` set, any client sending `Authorization: Bearer <token>`;
 * - without it, only a client on this machine (loopback peer) that did not
 *   come through a proxy (no `X-Forwarded-For`), e.g. a local Prometheus
 *   agent. A reverse proxy on the same machine that adds no `X-Forwarded-For`
 *   would make `/metrics` public: set `METRICS_TOKEN` (or do not route
 *   `/metrics`) there.
 */
export function mayReadMetrics(req: IncomingMessage, token: string | undefined = process.env.METRICS_TOKEN): boolean {
  if (token) return bearerMatches(req.headers.authorization, token)
  return isLoopback(req.socket.remoteAddress) && req.headers['x-forwarded-for'] === undefined
}

/** Whether `authorization` is `Bearer <token>`, compared in constant time. */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')
  if (!match) return false
  const given = Buffer.from(match[1]!)
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain)
}
