import * as Y from 'yjs'
import {
  EMPTY_SHEET,
  recommendationSchema,
  rubricNoteSchema,
  scoreSchema,
  type RubricSheet,
} from '@/lib/rubric/rubricSheet'

/**
 * Reads a rubric from the room's `private` Yjs document, where releases
 * before per-author sheets kept it: a `Y.Map` named `rubric` holding `scores`
 * (Y.Map), `flags` (Y.Map flag → true), `notes` (Y.Array) and
 * `recommendation`. Used only by the migration; malformed entries are skipped.
 */
export function readLegacyRubric(doc: Y.Doc): RubricSheet {
  const root = doc.getMap<unknown>('rubric')
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
  return {
    ...EMPTY_SHEET,
    scores,
    flags: flags.sort(),
    notes,
    recommendation: recommendation.success ? recommendation.data : null,
  }
}
