import type { ProblemCategory, ProblemDifficulty, ProblemSummary } from './problemSchema'

/** What the problem picker filters by; null or empty means "any". */
export interface ProblemFilter {
  query: string
  category: ProblemCategory | null
  difficulty: ProblemDifficulty | null
}

/**
 * The problems that match a filter, titles that match the query first (then
 * prompts), each group in the bank's order. Every word of the query must
 * appear, case-insensitively, in the title or the prompt.
 *
 * @example
 * ```ts
 * filterProblems(bank, { query: 'rate', category: null, difficulty: null })[0]?.id // 'rate-limiter'
 * ```
 */
export function filterProblems(problems: readonly ProblemSummary[], filter: ProblemFilter): ProblemSummary[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean)
  const byTitle: ProblemSummary[] = []
  const byPrompt: ProblemSummary[] = []
  for (const problem of problems) {
    if (filter.category && problem.category !== filter.category) continue
    if (filter.difficulty && problem.difficulty !== filter.difficulty) continue
    const title = problem.title.toLowerCase()
    const text = `${title} ${problem.prompt.toLowerCase()}`
    if (!words.every((word) => text.includes(word))) continue
    if (words.every((word) => title.includes(word))) byTitle.push(problem)
    else byPrompt.push(problem)
  }
  return [...byTitle, ...byPrompt]
}
