import { z } from 'zod'
import { SlidingWindowLimiter, type LimitDecision } from './SlidingWindowLimiter'

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

/** The HTTP quotas of this process; a limit of 0 turns that quota off. */
export interface HttpQuotas {
  /** Rooms one user may create per hour (`QUOTA_ROOMS_PER_USER_PER_HOUR`, default 20). */
  roomCreation(userId: string): LimitDecision
  /** Guest sign-ins from one IP per 10 minutes (`QUOTA_GUEST_SIGNINS_PER_IP_PER_10_MIN`, default 30). */
  guestSignIn(ip: string): LimitDecision
  /** Recording chunks one user may upload per minute (`QUOTA_AUDIO_CHUNKS_PER_USER_PER_MINUTE`, default 120). */
  audioChunk(userId: string): LimitDecision
  /**
   * Recording bytes one user may upload per minute (`QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE`, default 2 MiB):
   * takes a chunk of `bytes`. A chunk larger than the whole budget passes once the minute is empty.
   */
  audioBytes(userId: string, bytes: number): LimitDecision
}

/** Builds the quotas from the environment (invalid values fall back to the defaults). */
export function createHttpQuotas(
  env: Readonly<Record<string, string | undefined>> = process.env,
  now?: () => number
): HttpQuotas {
  const parsed = quotaEnvSchema.safeParse(env)
  const limits = parsed.success ? parsed.data : quotaEnvSchema.parse({})
  const rooms = limiter(limits.QUOTA_ROOMS_PER_USER_PER_HOUR, HOUR_MS, now)
  const guests = limiter(limits.QUOTA_GUEST_SIGNINS_PER_IP_PER_10_MIN, TEN_MINUTES_MS, now)
  const chunks = limiter(limits.QUOTA_AUDIO_CHUNKS_PER_USER_PER_MINUTE, MINUTE_MS, now)
  const bytes = limiter(limits.QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE, MINUTE_MS, now)
  return {
    roomCreation: (userId) => rooms(userId),
    guestSignIn: (ip) => guests(ip),
    audioChunk: (userId) => chunks(userId),
    audioBytes: (userId, size) => bytes(userId, size),
  }
}

/** A quota of `limit` units per `windowMs` and key (an event weighs 1 unless told); 0 turns it off. */
function limiter(limit: number, windowMs: number, now?: () => number): (key: string, weight?: number) => LimitDecision {
  if (limit === 0) return () => ({ ok: true, remaining: Infinity })
  const window = new SlidingWindowLimiter({ limit, windowMs, now })
  return (key, weight) => window.take(key, weight)
}

const KEY = Symbol.for('mockboard.httpQuotas')

/**
 * The process's quotas. Kept on `globalThis` because Next bundles route
 * handlers and next-auth apart from each other: a module variable could
 * exist twice. In memory and per process: with several app servers (Redis
 * mode) each one counts on its own, so the effective limit is N times higher.
 */
export function httpQuotas(): HttpQuotas {
  // Tests that change the quota environment delete this key to rebuild them.
  const store = globalThis as Record<symbol, HttpQuotas | undefined>
  return (store[KEY] ??= createHttpQuotas())
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
