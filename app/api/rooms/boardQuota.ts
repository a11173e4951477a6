import type { Actor } from '@/lib/access/actor'
import { tooManyRequests } from '@/server/http/apiResponses'
import { httpQuotas } from '@/server/http/quotas'

/**
 * Takes one of the boards `actor` may make this hour (`QUOTA_ROOMS_PER_USER_PER_HOUR`):
 * a new board and a duplicate count alike, since either is a new board to
 * store. Returns the 429 (with `Retry-After`) to answer when none is left,
 * else null.
 */
export async function refuseOverBoardQuota(actor: Actor): Promise<Response | null> {
  const quota = await httpQuotas().roomCreation(actor.userId)
  if (quota.ok) return null
  return tooManyRequests(
    quota.retryAfterMs,
    (wait) => `You have created too many boards in the last hour. Try again in ${wait}.`
  )
}
