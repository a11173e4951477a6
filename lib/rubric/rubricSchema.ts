import { z } from 'zod'
import { seedSourceIds } from '../patterns/sources'

const text = z.string().trim().min(10).max(320)

/** One scored dimension of the rubric, with what a 1, 2, 3 and 4 look like. */
export const rubricDimensionSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Short name, e.g. "Requirements & scoping". */
  name: z.string().trim().min(3).max(40),
  /** One line: what this dimension is about. */
  summary: text,
  /** Anchors for scores 1 (not yet) … 4 (strong, staff signal), in that order. */
  anchors: z.tuple([text, text, text, text]),
  sources: z.array(z.enum(seedSourceIds)).min(1),
  /** How much the dimension counts in the roll-up's average (1 when absent; the LLD sub-rubric weighs concurrency 2). */
  weight: z.number().int().min(1).max(3).optional(),
})

/** A red flag the interviewer can toggle, e.g. "Jumped to a solution". */
export const redFlagSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  label: z.string().trim().min(3).max(60),
  sources: z.array(z.enum(seedSourceIds)).min(1),
})

/** A rubric dimension. */
export type RubricDimension = z.infer<typeof rubricDimensionSchema>
/** A red flag. */
export type RedFlag = z.infer<typeof redFlagSchema>
