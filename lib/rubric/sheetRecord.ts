import { z } from 'zod'
import { rubricSheetSchema } from './rubricSheet'

/**
 * A rubric sheet as stored: one per session and author. It belongs to its
 * author in the session it was written in; nobody else reads it unless the
 * author shares a copy with the candidate (`shared`) or opens it to the
 * session's other interviewers. `submittedAt` freezes it.
 */
export const sheetRecordSchema = z.object({
  sessionId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  sheet: rubricSheetSchema,
  /**
   * The copy the author shared with the candidate, and when; null when not
   * shared (or withdrawn). A copy: later edits reach the candidate only when
   * shared again.
   */
  shared: z.object({ at: z.number(), sheet: rubricSheetSchema }).nullable(),
  /** Whether the session's other interviewers may read it. */
  openToInterviewers: z.boolean(),
  /** When the author submitted it; a submitted sheet never changes again. */
  submittedAt: z.number().nullable(),
  updatedAt: z.number(),
})

/** A stored rubric sheet. */
export type SheetRecord = z.infer<typeof sheetRecordSchema>
