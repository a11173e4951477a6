import { z } from 'zod'
import { seedSourceIds } from '../patterns/sources'

/** What to cover in one phase of the interview, shown on the timer's prompt card. */
export const phaseGuideSchema = z.object({
  /** Phase id, matching the plan's phases (`requirements`, `estimation`, …). */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  label: z.string().trim().min(3).max(40),
  /** The one-line goal of the phase. */
  goal: z.string().trim().min(10).max(200),
  /** 3–6 short prompts: questions to ask or things to put on the board now. */
  prompts: z.array(z.string().trim().min(5).max(160)).min(3).max(6),
  sources: z.array(z.enum(seedSourceIds)).min(1),
})

/** A phase's guide card. */
export type PhaseGuide = z.infer<typeof phaseGuideSchema>
