import type { PlannedPhase } from '../session/sessionConfig'
import { lldRubricDimensions } from './lldRubric'
import { rubricDimensions } from './rubricContent'
import type { RubricDimension } from './rubricSchema'

/** Which rubric a session is scored on: the ten-dimension HLD rubric, or the LLD one. */
export type RubricKind = 'hld' | 'lld'

/** The ten dimensions that also apply to a low-level design round (the rest are HLD-specific). */
const SHARED_WITH_LLD = ['requirements', 'trade-offs', 'communication']

/**
 * The LLD rubric: requirements, the six-part LLD sub-rubric (concurrency
 * weighted double), trade-offs and communication. Capacity estimation, the
 * high-level architecture, scaling and operations are not what an LLD round
 * asks for, and its plan has no phase for them.
 */
export const lldRubric: readonly RubricDimension[] = [
  ...rubricDimensions.filter((d) => d.id === 'requirements'),
  ...lldRubricDimensions,
  ...rubricDimensions.filter((d) => SHARED_WITH_LLD.includes(d.id) && d.id !== 'requirements'),
]

/** Every dimension of either rubric, by id (ids never collide: LLD ones start with `lld-`). */
const allDimensions = new Map([...rubricDimensions, ...lldRubricDimensions].map((d) => [d.id, d]))

/**
 * A plan is an LLD plan when one of its phases is an LLD phase (`lld-…`),
 * as `PLAN_LLD`'s are; the session is then scored on the LLD rubric.
 */
export function rubricKindOf(plan: readonly Pick<PlannedPhase, 'id'>[]): RubricKind {
  return plan.some((p) => p.id.startsWith('lld-')) ? 'lld' : 'hld'
}

/**
 * The dimensions a session with this plan is scored on, in sheet order.
 *
 * @example
 * ```ts
 * sessionRubric(PLAN_LLD).map((d) => d.id) // ['requirements', 'lld-entities', …, 'communication']
 * ```
 */
export function sessionRubric(plan: readonly Pick<PlannedPhase, 'id'>[]): readonly RubricDimension[] {
  return rubricKindOf(plan) === 'lld' ? lldRubric : rubricDimensions
}

/** How much a dimension counts in the roll-up's average: its `weight`, 1 when it has none or is unknown. */
export function dimensionWeight(id: string): number {
  return allDimensions.get(id)?.weight ?? 1
}
