import type { Problem } from '../../problems/problemSchema'
import { kindsOnBoard } from '../boardGraph'
import type { ReviewCheck } from '../finding'
import { citeGuides } from '../citeGuides'

/**
 * What the problem's reference checklist expects that the board lacks (only
 * items a board can show). Needs the full problem, which only interviewers,
 * and solo users after the session, receive.
 */
export const checklistGaps: ReviewCheck = ({ graph, problem }) => {
  if (!problem || !('checklist' in problem)) return []
  const present = kindsOnBoard(graph)
  return (problem as Problem).checklist
    .filter(({ kinds }) => kinds.length > 0 && !kinds.some((k) => present.has(k)))
    .map(({ item }) => ({
      id: `checklist-gap:${item}`,
      check: 'checklist-gap',
      severity: 'medium' as const,
      title: `Missing from the board: ${item}`,
      explanation: `The reference answer for "${problem.title}" includes this, and no block on the board shows it. ${citeGuides(...problem.sources)}`,
      shapeIds: [],
    }))
}
