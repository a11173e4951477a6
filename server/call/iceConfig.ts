import { createHmac } from 'node:crypto'
import { z } from 'zod'
import type { IceConfig } from '@/lib/call/callWire'

/** How the server builds each member's ICE configuration (from `ICE_SERVERS`, `TURN_*` and `ICE_TRANSPORT_POLICY`). */
export interface IceSettings {
  /** Servers handed out as they are: STUN, or TURN with fixed credentials. */
  servers: IceConfig['iceServers']
  /** TURN servers that take coturn's time-limited credentials (`use-auth-secret`), and their shared secret. */
  turn: { urls: string[]; secret: string; ttlSeconds: number } | null
  /** `relay` sends every call through TURN (no peer learns another's address); `all` tries direct paths first. */
  transportPolicy: 'all' | 'relay'
}

const iceServerSchema = z.object({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
})

const urlListSchema = z
  .string()
  .transform((value) => value.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.string().regex(/^(stun|stuns|turn|turns):/, 'each URL starts with stun:, stuns:, turn: or turns:')))

/**
 * Parses `ICE_SERVERS`: a JSON array of `RTCIceServer` objects
 * (`[{"urls":"stun:stun.example.org:3478"}]`) or a comma-separated list of
 * `stun:`/`turn:` URLs. Empty: none (LAN and localhost need none).
 * @throws a readable Error for anything else.
 */
export function parseIceServers(value: string | undefined): IceConfig['iceServers'] {
  const text = value?.trim()
  if (!text) return []
  if (text.startsWith('[')) {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new Error('not valid JSON')
    }
    const parsed = z.array(iceServerSchema).safeParse(json)
    if (!parsed.success) throw new Error('expected an array of {"urls", "username"?, "credential"?}')
    return parsed.data
  }
  const urls = urlListSchema.safeParse(text)
  if (!urls.success) throw new Error(urls.error.issues[0]?.message ?? 'bad URL list')
  return urls.data.map((url) => ({ urls: url }))
}

/** `TURN_URLS`: comma-separated `turn:`/`turns:` URLs. @throws for anything else. */
export function parseTurnUrls(value: string | undefined): string[] {
  const urls = urlListSchema.safeParse(value ?? '')
  if (!urls.success) throw new Error(urls.error.issues[0]?.message ?? 'bad URL list')
  if (urls.data.some((url) => !url.startsWith('turn'))) throw new Error('TURN_URLS takes turn: or turns: URLs')
  return urls.data
}

/**
 * Time-limited TURN credentials for `userId`, as coturn checks them with
 * `use-auth-secret` / `static-auth-secret` (the "TURN REST API"): the user
 * name is `<expiry in unix seconds>:<user>`, the password the base64
 * HMAC-SHA1 of that name under the shared secret. Nothing is stored; coturn
 * recomputes it, and refuses it after the expiry.
 *
 * @example
 * ```ts
 * turnCredentials('guest:ab12', 'secret', 3600) // { username: '1767225600:guest_ab12', credential: 'k3v…=' }
 * ```
 */
export function turnCredentials(
  userId: string,
  secret: string,
  ttlSeconds: number,
  now = Date.now()
): { username: string; credential: string } {
  const expiry = Math.floor(now / 1000) + ttlSeconds
  // coturn reads the expiry up to the first ':'; keep the user part plain.
  const username = `${expiry}:${userId.replace(/[^\w.@-]/g, '_').slice(0, 64)}`
  const credential = createHmac('sha1', secret).update(username).digest('base64')
  return { username, credential }
}

/** The ICE configuration handed to `userId` when they join a call: the fixed servers, and TURN with fresh credentials. */
export function iceConfigFor(settings: IceSettings, userId: string, now = Date.now()): IceConfig {
  const iceServers = [...settings.servers]
  if (settings.turn) {
    const { urls, secret, ttlSeconds } = settings.turn
    iceServers.push({ urls, ...turnCredentials(userId, secret, ttlSeconds, now) })
  }
  return { iceServers, iceTransportPolicy: settings.transportPolicy }
}
