import { cacheInvalidation } from './checks/cacheInvalidation'
import { checklistGaps } from './checks/checklistGaps'
import { diagramHygiene } from './checks/diagramHygiene'
import { readPathWithoutCache } from './checks/readPathWithoutCache'
import { sharedDatabase } from './checks/sharedDatabase'
import { singlePointOfFailure } from './checks/singlePointOfFailure'
import { syncSlowWork } from './checks/syncSlowWork'
import type { Finding, ReviewCheck, ReviewContext } from './finding'

/** Every check, in the order their findings are listed within a severity. */
export const reviewChecks: readonly ReviewCheck[] = [
  singlePointOfFailure,
  readPathWithoutCache,
  syncSlowWork,
  sharedDatabase,
  cacheInvalidation,
  checklistGaps,
  diagramHygiene,
]

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const

/**
 * Reviews a board: runs every check and lists the findings, most severe
 * first. Pure and local: it runs in the browser on the current board (and on
 * the server for the summary); nothing leaves the machine.
 *
 * @example
 * ```ts
 * const findings = reviewBoard({ graph: extractBoardGraph(records, pageId), problem })
 * ```
 */
export function reviewBoard(context: ReviewContext): Finding[] {
  return reviewChecks
    .flatMap((check) => check(context))
    .map((finding, order) => ({ finding, order }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.order - b.order)
    .map(({ finding }) => finding)
}
