import { z } from 'zod'

/** The level the candidate is interviewing for; it sets the bar of the rubric roll-up. */
export const sessionLevels = ['mid', 'senior', 'staff'] as const
/** A target level. */
export type SessionLevel = (typeof sessionLevels)[number]

/** One phase of a session's plan. */
export const phasePlanItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  label: z.string().trim().min(1).max(40),
  minutes: z.number().int().min(1).max(90),
})

/** A phase of the plan. */
export type PlannedPhase = z.infer<typeof phasePlanItemSchema>

/** What the owner chooses when starting a session. Every API body passes through it. */
export const sessionConfigSchema = z
  .object({
    /** A problem of the bank… */
    problemId: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .optional(),
    /** …or the interviewer's own prompt. */
    customPrompt: z.string().trim().min(10).max(2000).optional(),
    mode: z.enum(['pair', 'solo']),
    level: z.enum(sessionLevels),
    plan: z.array(phasePlanItemSchema).min(1).max(12),
    /** The interviewer's settings (defaults: templates on, no hints in solo). */
    settings: z.object({ templatesForCandidate: z.boolean(), soloHints: z.boolean() }).strict().optional(),
    /** Show the whole problem from the start (solo users choose; pair sessions reveal on request). */
    revealAll: z.boolean().optional(),
  })
  .refine((c) => !!c.problemId !== !!c.customPrompt, {
    message: 'choose a problem from the bank or write a prompt (not both)',
    path: ['problemId'],
  })
  .refine((c) => c.plan.reduce((sum, p) => sum + p.minutes, 0) <= 180, {
    message: 'a session lasts at most 180 minutes',
    path: ['plan'],
  })

/** A session's configuration. */
export type SessionConfig = z.infer<typeof sessionConfigSchema>

/**
 * The 45-minute plan the seeds converge on: requirements 5, estimation 5,
 * API & data model 5, high-level design 10, deep dive 12, wrap-up 8.
 */
export const PLAN_45: PlannedPhase[] = [
  { id: 'requirements', label: 'Requirements', minutes: 5 },
  { id: 'estimation', label: 'Estimation', minutes: 5 },
  { id: 'api-data-model', label: 'API & data model', minutes: 5 },
  { id: 'high-level-design', label: 'High-level design', minutes: 10 },
  { id: 'deep-dive', label: 'Deep dive', minutes: 12 },
  { id: 'wrap-up', label: 'Trade-offs & wrap-up', minutes: 8 },
]

/**
 * The 60-minute variant: the seeds give none, so this scales the 45-minute
 * split and adds 5 minutes of intro for reading the prompt.
 */
export const PLAN_60: PlannedPhase[] = [
  { id: 'intro', label: 'Intro & prompt', minutes: 5 },
  { id: 'requirements', label: 'Requirements', minutes: 7 },
  { id: 'estimation', label: 'Estimation', minutes: 6 },
  { id: 'api-data-model', label: 'API & data model', minutes: 7 },
  { id: 'high-level-design', label: 'High-level design', minutes: 13 },
  { id: 'deep-dive', label: 'Deep dive', minutes: 15 },
  { id: 'wrap-up', label: 'Trade-offs & wrap-up', minutes: 7 },
]

/**
 * The 45-minute low-level-design plan: no estimation phase. It follows seed
 * 002's LLD drawing rules in their order (entities and relationships, state
 * machines and patterns, methods with the index behind each query, then
 * concurrency), with concurrency given the most time as the LLD sub-rubric
 * weighs it most.
 */
export const PLAN_LLD: PlannedPhase[] = [
  { id: 'requirements', label: 'Requirements', minutes: 5 },
  { id: 'lld-entities', label: 'Entities & relationships', minutes: 8 },
  { id: 'lld-state-patterns', label: 'State & patterns', minutes: 8 },
  { id: 'lld-methods-indexes', label: 'Methods & indexes', minutes: 6 },
  { id: 'lld-concurrency', label: 'Concurrency', minutes: 13 },
  { id: 'wrap-up', label: 'Trade-offs & wrap-up', minutes: 5 },
]

/** Total minutes of a plan. */
export function planMinutes(plan: readonly PlannedPhase[]): number {
  return plan.reduce((sum, phase) => sum + phase.minutes, 0)
}
