import { jwtVerify, SignJWT, errors } from 'jose'
import { z } from 'zod'
import { roleSchema, type Role } from '@/lib/access/roles'

/** Tokens live this long; clients fetch a new one before each reconnect. */
export const COLLAB_TOKEN_TTL_SECONDS = 5 * 60

const claimsSchema = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().max(64),
  room: z.string().min(1).max(64),
  role: roleSchema,
})

/**
 * What a collab token says: one user, one room, and the role the app saw when
 * it signed it. The collab server trusts only the identity (user and room)
 * and decides with the member's current role from the room directory.
 */
export interface CollabGrant {
  userId: string
  name: string
  roomId: string
  role: Role
}

/** A verified token: its grant and when it expires (ms since the epoch). */
export interface VerifiedGrant extends CollabGrant {
  expiresAt: number
}

/** Why a token was refused: absent or expired (fetch a new one) or invalid (forged, wrong room). */
export type TokenProblem = 'missing' | 'expired' | 'invalid'

/** Result of {@link verifyCollabToken}. */
export type TokenCheck = { ok: true; grant: VerifiedGrant } | { ok: false; problem: TokenProblem }

const encoder = new TextEncoder()

/**
 * Signs a short-lived collab token (HS256 with the app's secret).
 *
 * @example
 * ```ts
 * const token = await signCollabToken({ userId: 'guest:ab12', name: 'Ada', roomId, role: 'candidate' }, secret)
 * new WebsocketProvider(url, roomId, doc, { params: { token } })
 * ```
 */
export async function signCollabToken(
  grant: CollabGrant,
  secret: string,
  ttlSeconds = COLLAB_TOKEN_TTL_SECONDS
): Promise<string> {
  return new SignJWT({ name: grant.name, room: grant.roomId, role: grant.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(grant.userId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + Math.min(ttlSeconds, COLLAB_TOKEN_TTL_SECONDS))
    .setAudience('mockboard-collab')
    .sign(encoder.encode(secret))
}

/**
 * Verifies a collab token for `roomId`: signature, audience, room, and an
 * `exp` that must be present and in the future (a token without one is
 * invalid). Never throws.
 */
export async function verifyCollabToken(token: string | null, roomId: string, secret: string): Promise<TokenCheck> {
  if (!token) return { ok: false, problem: 'missing' }
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), {
      algorithms: ['HS256'],
      audience: 'mockboard-collab',
      requiredClaims: ['exp'],
    })
    const claims = claimsSchema.safeParse(payload)
    if (!claims.success || claims.data.room !== roomId) return { ok: false, problem: 'invalid' }
    const { sub, name, room, role } = claims.data
    return { ok: true, grant: { userId: sub, name, roomId: room, role, expiresAt: payload.exp! * 1000 } }
  } catch (error) {
    return { ok: false, problem: error instanceof errors.JWTExpired ? 'expired' : 'invalid' }
  }
}
