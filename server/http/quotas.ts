import { z } from 'zod'
import type { LimitDecision } from './SlidingWindowLimiter'
import type { QuotaBackend } from './QuotaLimiter'
import { memoryQuotaBackend } from './MemoryQuotaLimiter'

const HOUR_MS = 60 * 60 * 1000
const TEN_MINUTES_MS = 10 * 60 * 1000
const MINUTE_MS = 60 * 1000

const quotaEnvSchema = z.object({
  QUOTA_ROOMS_PER_USER_PER_HOUR: z.coerce.number().int().min(0).default(20),
  QUOTA_GUEST_SIGNINS_PER_IP_PER_10_MIN: z.coerce.number().int().min(0).default(30),
  // A recording browser sends one chunk every 3 s (20 a minute); 120 leaves room for retries and a catch-up burst.
  QUOTA_AUDIO_CHUNKS_PER_USER_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  // A recording browser sends ~240 KB a minute (Opus at 32 kbit/s); 2 MiB is over 8 times that, and more than 120
  // real chunks weigh, so for a real recorder the chunk quota binds first. It bounds what a forged client stores.
  QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(0)
    .default(2 * 1024 * 1024),
})

/**
 * The HTTP quotas; a limit of 0 turns that quota off. In Redis mode every
 * app server counts in Redis, so a limit holds for all of them together
 * (`redisQuotaBackend`); embedded, in this process's memory.
 *
 * If Redis fails or is slow (over `QUOTA_DEADLINE_MS`), each quota is
 * decided by a count in this process meanwhile (`FallbackQuotaLimiter`):
 * neither closed nor open, but per process, as before quotas were shared,
 * with a throttled warning. Per quota:
 * - rooms: closed would answer a misleading 429 where the real trouble is
 *   Redis (which also holds the boards' logs); open would let one user
 *   make boards without end for as long as the outage lasts.
 * - guest sign-ins: they touch no store (a signed cookie), so closed would
 *   shut every newcomer out for the outage; open would let one IP mint
 *   identities without end, and each new identity has fresh per-user quotas.
 * - audio chunks and bytes: closed would make every recording browser queue
 *   and retry its chunks for the outage; open would leave a forged client
 *   only `AUDIO_TRACK_MAX_BYTES` per track. The collab servers' own limits
 *   (per connection and per board log) are not affected either way.
 */
export interface HttpQuotas {
  /** Rooms one user may create per hour (`QUOTA_ROOMS_PER_USER_PER_HOUR`, default 20). */
  roomCreation(userId: string): Promise<LimitDecision>
  /** Guest sign-ins from one IP per 10 minutes (`QUOTA_GUEST_SIGNINS_PER_IP_PER_10_MIN`, default 30). */
  guestSignIn(ip: string): Promise<LimitDecision>
  /** Recording chunks one user may upload per minute (`QUOTA_AUDIO_CHUNKS_PER_USER_PER_MINUTE`, default 120). */
  audioChunk(userId: string): Promise<LimitDecision>
  /**
   * Recording bytes one user may upload per minute (`QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE`, default 2 MiB):
   * takes a chunk of `bytes`. A chunk larger than the whole budget passes once the minute is empty.
   */
  audioBytes(userId: string, bytes: number): Promise<LimitDecision>
}

/**
 * Builds the quotas from the environment (invalid values fall back to the
 * defaults), kept by `backend`: {@link memoryQuotaBackend} (the default) or
 * `redisQuotaBackend`. A clock in its place keeps them in memory on that
 * clock (tests).
 */
export function createHttpQuotas(
  env: Readonly<Record<string, string | undefined>> = process.env,
  backend: QuotaBackend | (() => number) = memoryQuotaBackend()
): HttpQuotas {
  const store = typeof backend === 'function' ? memoryQuotaBackend(backend) : backend
  const parsed = quotaEnvSchema.safeParse(env)
  const limits = parsed.success ? parsed.data : quotaEnvSchema.parse({})
  const rooms = limiter(store, 'rooms', limits.QUOTA_ROOMS_PER_USER_PER_HOUR, HOUR_MS)
  const guests = limiter(store, 'guest-signins', limits.QUOTA_GUEST_SIGNINS_PER_IP_PER_10_MIN, TEN_MINUTES_MS)
  const chunks = limiter(store, 'audio-chunks', limits.QUOTA_AUDIO_CHUNKS_PER_USER_PER_MINUTE, MINUTE_MS)
  const bytes = limiter(store, 'audio-bytes', limits.QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE, MINUTE_MS)
  return {
    roomCreation: (userId) => rooms(userId),
    guestSignIn: (ip) => guests(ip),
    audioChunk: (userId) => chunks(userId),
    audioBytes: (userId, size) => bytes(userId, size),
  }
}

/** A quota of `limit` units per `windowMs` and key (an event weighs 1 unless told); 0 turns it off. */
function limiter(
  backend: QuotaBackend,
  name: string,
  limit: number,
  windowMs: number
): (key: string, weight?: number) => Promise<LimitDecision> {
  if (limit === 0) return async () => ({ ok: true, remaining: Infinity })
  const quota = backend.limiter({ name, limit, windowMs })
  return (key, weight) => quota.take(key, weight)
}

const KEY = Symbol.for('mockboard.httpQuotas')

/**
 * The process's quotas: what {@link setHttpQuotas} registered (`server/main.ts`
 * does in Redis mode), else built in memory from the environment on first
 * use. Kept on `globalThis` because Next bundles route handlers and
 * next-auth apart from each other: a module variable could exist twice.
 */
export function httpQuotas(): HttpQuotas {
  // Tests that change the quota environment delete this key to rebuild them.
  const store = globalThis as Record<symbol, HttpQuotas | undefined>
  return (store[KEY] ??= createHttpQuotas())
}

/** Registers the process's quotas (`server/main.ts`, before serving: shared ones in Redis mode). */
export function setHttpQuotas(quotas: HttpQuotas): void {
  ;(globalThis as Record<symbol, HttpQuotas | undefined>)[KEY] = quotas
}

/** Whole seconds to wait, for `Retry-After` and messages (at least 1). */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000))
}

/** "3 minutes", "45 seconds": a wait for people to read. */
export function describeWait(retryAfterMs: number): string {
  const seconds = retryAfterSeconds(retryAfterMs)
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minutes`
}
