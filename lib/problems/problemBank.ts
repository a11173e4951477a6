import { aiProblems } from './bank/ai'
import { classicCoreProblems } from './bank/classicCore'
import { classicDrillProblems } from './bank/classicDrills'
import { classicInfrastructureProblems } from './bank/classicInfrastructure'
import { classicLocationAndSearchProblems } from './bank/classicLocationAndSearch'
import { classicMarketProblems } from './bank/classicMarkets'
import { classicMoreProblems } from './bank/classicMore'
import { classicMediaAndDocsProblems } from './bank/classicMediaAndDocs'
import { classicSocialProblems } from './bank/classicSocial'
import { lldProblems } from './bank/lld'
import { lldClassicProblems } from './bank/lldClassics'
import { lldCodeProblems } from './bank/lldCode'
import { lldCodeComponentProblems } from './bank/lldCodeComponents'
import { contentionPatternProblems } from './bank/patternsContention'
import { pipelinePatternProblems } from './bank/patternsPipelines'
import { problemSummary, type Problem, type ProblemSummary } from './problemSchema'

/**
 * Every practice problem. Server code only: the follow-ups, hints and
 * checklists must not ship in the browser bundle, where a candidate could
 * read them. Browsers get problems through the API, cut to what their role
 * may see.
 */
export const problemBank: readonly Problem[] = [
  ...classicInfrastructureProblems,
  ...classicCoreProblems,
  ...classicSocialProblems,
  ...classicMediaAndDocsProblems,
  ...classicLocationAndSearchProblems,
  ...classicDrillProblems,
  ...classicMoreProblems,
  ...classicMarketProblems,
  ...contentionPatternProblems,
  ...pipelinePatternProblems,
  ...lldProblems,
  ...lldClassicProblems,
  ...lldCodeProblems,
  ...lldCodeComponentProblems,
  ...aiProblems,
]

const byId = new Map(problemBank.map((problem) => [problem.id, problem]))

/** A problem by id, or undefined. */
export function getProblem(id: string): Problem | undefined {
  return byId.get(id)
}

/**
 * The bank as the session picker lists it: titles and prompts only. The
 * requirements reach a candidate only when the interviewer reveals them.
 */
export function problemSummaries(): ProblemSummary[] {
  return problemBank.map(problemSummary)
}
