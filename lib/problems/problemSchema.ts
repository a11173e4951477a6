import { z } from 'zod'
import { guideCitationSchema } from '../patterns/catalogSchema'

const line = z.string().trim().min(3).max(240)

/** Problem categories the bank is filtered by. */
export const problemCategories = [
  { id: 'classic', name: 'Classic designs' },
  { id: 'pattern', name: 'Pattern scenarios' },
  { id: 'lld', name: 'Low-level design' },
  { id: 'ai', name: 'AI systems' },
] as const

/** Difficulty levels, easiest first. */
export const problemDifficulties = ['easy', 'medium', 'hard'] as const

/** One item of a problem's reference checklist. */
export const checklistItemSchema = z.object({
  /** What a good answer contains, e.g. "Cache for hot redirects". */
  item: line,
  /**
   * Palette block ids whose presence on the board satisfies the item; empty
   * when the board cannot show it (e.g. "estimates read QPS").
   */
  kinds: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
})

/**
 * A practice prompt. `prompt`, the requirements and `scale` are what the
 * candidate sees; `followUps`, `hints` and `checklist` are for the interviewer
 * (and the solo user after the session), and the server never sends them to
 * a candidate or an observer.
 */
export const problemSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().trim().min(3).max(60),
  category: z.enum(problemCategories.map((c) => c.id) as ['classic', 'pattern', 'lld', 'ai']),
  difficulty: z.enum(problemDifficulties),
  /** The prompt as the interviewer would say it, 1–3 sentences. */
  prompt: z.string().trim().min(20).max(500),
  functional: z.array(line).min(2),
  nonFunctional: z.array(line).min(2),
  /** Scale numbers to design for, e.g. "100M DAU", "read:write 100:1". */
  scale: z.array(line).min(1),
  followUps: z.array(line).min(3),
  hints: z.array(line).min(2),
  checklist: z.array(checklistItemSchema).min(4),
  sources: z.array(guideCitationSchema).min(1),
})

/** A problem of the bank. */
export type Problem = z.infer<typeof problemSchema>
/** A problem's category id. */
export type ProblemCategory = Problem['category']
/** A problem's difficulty. */
export type ProblemDifficulty = Problem['difficulty']
/** What everyone in the room may see of a problem. */
export type PublicProblem = Pick<
  Problem,
  'id' | 'title' | 'category' | 'difficulty' | 'prompt' | 'functional' | 'nonFunctional' | 'scale'
>

/** The candidate-safe part of a problem: no follow-ups, hints or checklist. */
export function publicProblem(problem: Problem): PublicProblem {
  const { id, title, category, difficulty, prompt, functional, nonFunctional, scale } = problem
  return { id, title, category, difficulty, prompt, functional, nonFunctional, scale }
}

/** What the session picker lists of a problem: no requirements, no interviewer material. */
export type ProblemSummary = Pick<Problem, 'id' | 'title' | 'category' | 'difficulty' | 'prompt'>

/** The picker's part of a problem. */
export function problemSummary(problem: Problem): ProblemSummary {
  const { id, title, category, difficulty, prompt } = problem
  return { id, title, category, difficulty, prompt }
}

/**
 * The candidate's part of a problem in a session: the prompt, and of the
 * requirements and scale only the parts the interviewer revealed (the others
 * arrive empty, so their text never leaves the server).
 */
export function revealedProblem(
  problem: Problem,
  revealed: readonly ('functional' | 'nonFunctional' | 'scale')[]
): PublicProblem {
  const full = publicProblem(problem)
  return {
    ...full,
    functional: revealed.includes('functional') ? full.functional : [],
    nonFunctional: revealed.includes('nonFunctional') ? full.nonFunctional : [],
    scale: revealed.includes('scale') ? full.scale : [],
  }
}
