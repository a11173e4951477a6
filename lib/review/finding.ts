import type { Problem, PublicProblem } from '../problems/problemSchema'
import type { BoardGraph } from './boardGraph'

/** How much a finding matters: high ones are what an interviewer would press on. */
export type Severity = 'high' | 'medium' | 'low'

/** One thing the review noticed. */
export interface Finding {
  /** Stable per check and shapes, for React keys and tests, e.g. `spof:shape:abc`. */
  id: string
  /** The check that raised it, e.g. `single-point-of-failure`. */
  check: string
  severity: Severity
  /** One line: what is wrong, naming the shapes' labels. */
  title: string
  /** Why it matters and what to do, citing the seed section it comes from. */
  explanation: string
  /** The shapes involved: clicking the finding selects and zooms to them. */
  shapeIds: string[]
}

/** What a check gets: the board, and the session's problem when there is one. */
export interface ReviewContext {
  graph: BoardGraph
  /** Full for interviewers (with the checklist), public otherwise, null without a problem. */
  problem: Problem | PublicProblem | null
}

/** A check: a pure function from the board to findings. */
export type ReviewCheck = (context: ReviewContext) => Finding[]
