import { z } from 'zod'

/** A score on a dimension: 1 not yet · 2 developing · 3 solid · 4 strong. */
export const scoreSchema = z.number().int().min(1).max(4)

/** The overall recommendations, strongest first. */
export const recommendations = [
  { id: 'strong-hire', label: 'Strong Hire' },
  { id: 'hire', label: 'Hire' },
  { id: 'no-hire', label: 'No Hire' },
  { id: 'strong-no-hire', label: 'Strong No Hire' },
] as const

/** An overall recommendation id. */
export type Recommendation = (typeof recommendations)[number]['id']

/** Validates a recommendation id. */
export const recommendationSchema = z.enum(recommendations.map((r) => r.id) as [Recommendation, ...Recommendation[]])

/** A note, stamped with the session clock (running ms since the start) when it was written. */
export const rubricNoteSchema = z.object({
  id: z.string().min(1).max(64),
  at: z.number().min(0),
  text: z.string().trim().min(1).max(2000),
  by: z.string().max(200),
})

/** The most notes one sheet holds (one a minute for a long interview, eight times over). */
export const MAX_SHEET_NOTES = 500

/** Ids of dimensions, flags and checklist items: short, plain text. */
const itemId = z.string().min(1).max(200)

/** One interviewer's evaluation of a session (or a solo user's self-score), as stored and as shared. */
export const rubricSheetSchema = z.object({
  scores: z.record(z.string().max(64), scoreSchema),
  flags: z.array(itemId).max(50),
  notes: z.array(rubricNoteSchema).max(MAX_SHEET_NOTES),
  recommendation: recommendationSchema.nullable(),
  /** Reference-checklist items ticked by hand (those the board cannot decide). Absent on sheets from older releases. */
  ticks: z.array(itemId).max(100).default([]),
})

/** A rubric sheet. */
export type RubricSheet = z.infer<typeof rubricSheetSchema>
/** A rubric note. */
export type RubricNote = z.infer<typeof rubricNoteSchema>

/** An empty sheet. */
export const EMPTY_SHEET: RubricSheet = { scores: {}, flags: [], notes: [], recommendation: null, ticks: [] }

/**
 * One edit of a sheet, as the browser sends it (`PATCH …/sheet`). Edits, not
 * whole sheets, so two tabs of the same interviewer never overwrite each
 * other's changes.
 */
export const sheetEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('score'), dimension: z.string().min(1).max(64), score: scoreSchema.nullable() }).strict(),
  z.object({ op: z.literal('flag'), flag: itemId, on: z.boolean() }).strict(),
  z.object({ op: z.literal('tick'), item: itemId, on: z.boolean() }).strict(),
  z
    .object({
      op: z.literal('addNote'),
      id: z.string().min(1).max(64),
      at: z.number().min(0),
      text: z.string().trim().min(1).max(2000),
    })
    .strict(),
  z.object({ op: z.literal('removeNote'), id: z.string().min(1).max(64) }).strict(),
  z.object({ op: z.literal('recommendation'), recommendation: recommendationSchema.nullable() }).strict(),
])

/** An edit of a sheet. */
export type SheetEdit = z.infer<typeof sheetEditSchema>

const toggle = (list: readonly string[], item: string, on: boolean) =>
  on ? [...new Set([...list, item])].sort() : list.filter((x) => x !== item)

/**
 * Applies an edit to a sheet and returns the new sheet (the input is not
 * changed). `by` names the note's author. Unknown dimensions or flags are the
 * caller's to refuse; this only keeps the sheet well formed.
 *
 * @example
 * ```ts
 * applySheetEdit(EMPTY_SHEET, { op: 'score', dimension: 'scalability', score: 3 }, 'Olga').scores // { scalability: 3 }
 * ```
 */
export function applySheetEdit(sheet: RubricSheet, edit: SheetEdit, by: string): RubricSheet {
  switch (edit.op) {
    case 'score': {
      const scores = { ...sheet.scores }
      if (edit.score === null) delete scores[edit.dimension]
      else scores[edit.dimension] = edit.score
      return { ...sheet, scores }
    }
    case 'flag':
      return { ...sheet, flags: toggle(sheet.flags, edit.flag, edit.on) }
    case 'tick':
      return { ...sheet, ticks: toggle(sheet.ticks, edit.item, edit.on) }
    case 'addNote':
      if (sheet.notes.some((n) => n.id === edit.id)) return sheet
      return { ...sheet, notes: [...sheet.notes, { id: edit.id, at: edit.at, text: edit.text, by }] }
    case 'removeNote':
      return { ...sheet, notes: sheet.notes.filter((n) => n.id !== edit.id) }
    case 'recommendation':
      return { ...sheet, recommendation: edit.recommendation }
  }
}
