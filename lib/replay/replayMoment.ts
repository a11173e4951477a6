import { z } from 'zod'

const momentSchema = z.coerce.number().int().min(0).optional().catch(undefined)

/**
 * A replay page's `?at=` (server ms) or `?clock=` (session clock ms) query
 * value as a moment, or null when absent or not a whole number ≥ 0.
 */
export function replayMoment(value: string | string[] | undefined): number | null {
  return momentSchema.parse(value) ?? null
}
