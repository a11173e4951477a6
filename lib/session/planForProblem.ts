import type { ProblemCategory } from '../problems/problemSchema'
import { rubricKindOf } from '../rubric/sessionRubric'
import { PLAN_LLD, type PlannedPhase } from './sessionConfig'

/**
 * Why a plan does not suit a bank problem, or null when it does. A
 * low-level-design problem runs on the LLD plan: its phases, in its order
 * (the minutes are the interviewer's to change), so it is scored on the LLD
 * rubric and has no estimation phase. Other problems take any plan; the
 * rubric follows the plan (`sessionRubric`). The start form offers only
 * suitable plans and the server refuses the rest.
 *
 * @example
 * ```ts
 * planMismatch('lld', PLAN_45) // 'a low-level design problem runs on the LLD plan'
 * ```
 */
export function planMismatch(category: ProblemCategory, plan: readonly Pick<PlannedPhase, 'id'>[]): string | null {
  if (category !== 'lld') return null
  const same = plan.length === PLAN_LLD.length && plan.every((p, i) => p.id === PLAN_LLD[i]!.id)
  return same && rubricKindOf(plan) === 'lld' ? null : 'a low-level design problem runs on the LLD plan'
}
