import * as Y from 'yjs'
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

export const recommendationSchema = z.enum(recommendations.map((r) => r.id) as [Recommendation, ...Recommendation[]])

/** A note, stamped with the session clock (running ms since the start) when it was written. */
export const rubricNoteSchema = z.object({
  id: z.string().min(1).max(64),
  at: z.number().min(0),
  text: z.string().trim().min(1).max(2000),
  by: z.string().max(200),
})

/** One interviewer's evaluation of a session, as stored and as shared. */
export const rubricSheetSchema = z.object({
  scores: z.record(z.string(), scoreSchema),
  flags: z.array(z.string()),
  notes: z.array(rubricNoteSchema),
  recommendation: recommendationSchema.nullable(),
})

/** A rubric sheet. */
export type RubricSheet = z.infer<typeof rubricSheetSchema>
/** A rubric note. */
export type RubricNote = z.infer<typeof rubricNoteSchema>

/** An empty sheet. */
export const EMPTY_SHEET: RubricSheet = { scores: {}, flags: [], notes: [], recommendation: null }

/*
 * Layout in the room's private document (interviewers only): a `Y.Map` named
 * `rubric` holding `scores` (Y.Map dimension → 1..4), `flags` (Y.Map flag →
 * true), `notes` (Y.Array of notes) and `recommendation` (string). Separate
 * maps let two interviewers score different dimensions at once.
 */
const RUBRIC = 'rubric'

function part<T>(doc: Y.Doc, key: string, make: () => T): T {
  const root = doc.getMap<unknown>(RUBRIC)
  const existing = root.get(key)
  if (existing instanceof Y.AbstractType) return existing as T
  const created = make()
  root.set(key, created)
  return created
}

const scoresMap = (doc: Y.Doc) => part(doc, 'scores', () => new Y.Map<number>())
const flagsMap = (doc: Y.Doc) => part(doc, 'flags', () => new Y.Map<boolean>())
const notesArray = (doc: Y.Doc) => part(doc, 'notes', () => new Y.Array<RubricNote>())

/** Reads the rubric from a private doc; malformed entries are skipped, never trusted. */
export function readRubricSheet(doc: Y.Doc): RubricSheet {
  const root = doc.getMap<unknown>(RUBRIC)
  const scores: Record<string, number> = {}
  const rawScores = root.get('scores')
  if (rawScores instanceof Y.Map) {
    for (const [id, value] of rawScores.entries())
      if (scoreSchema.safeParse(value).success) scores[id] = value as number
  }
  const rawFlags = root.get('flags')
  const flags =
    rawFlags instanceof Y.Map ? [...rawFlags.entries()].filter(([, on]) => on === true).map(([id]) => id) : []
  const rawNotes = root.get('notes')
  const notes = (rawNotes instanceof Y.Array ? rawNotes.toArray() : []).flatMap((n) => {
    const parsed = rubricNoteSchema.safeParse(n)
    return parsed.success ? [parsed.data] : []
  })
  const recommendation = recommendationSchema.safeParse(root.get('recommendation'))
  return { scores, flags: flags.sort(), notes, recommendation: recommendation.success ? recommendation.data : null }
}

/** Sets (or, with null, clears) a dimension's score. */
export function setScore(doc: Y.Doc, dimension: string, score: number | null): void {
  doc.transact(() => (score === null ? scoresMap(doc).delete(dimension) : scoresMap(doc).set(dimension, score)))
}

/** Turns a red flag on or off. */
export function setFlag(doc: Y.Doc, flag: string, on: boolean): void {
  doc.transact(() => (on ? flagsMap(doc).set(flag, true) : flagsMap(doc).delete(flag)))
}

/** Adds a note. */
export function addNote(doc: Y.Doc, note: RubricNote): void {
  doc.transact(() => notesArray(doc).push([note]))
}

/** Removes a note by id. */
export function removeNote(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const notes = notesArray(doc)
    const index = notes.toArray().findIndex((n) => n.id === id)
    if (index >= 0) notes.delete(index, 1)
  })
}

/** Sets the overall recommendation (null: none chosen yet). */
export function setRecommendation(doc: Y.Doc, recommendation: Recommendation | null): void {
  doc.transact(() => doc.getMap<unknown>(RUBRIC).set('recommendation', recommendation))
}
