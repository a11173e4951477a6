'use client'

import { useState, type FormEvent, type ReactNode } from 'react'
import { redFlags, rubricDimensions } from '@/lib/rubric/rubricContent'
import type { RubricDimension } from '@/lib/rubric/rubricSchema'
import { rollUp } from '@/lib/rubric/rollUp'
import { recommendations, type Recommendation, type RubricSheet, type SheetEdit } from '@/lib/rubric/rubricSheet'
import type { SessionLevel } from '@/lib/session/sessionConfig'
import { formatClock } from '@/lib/session/timer'
import styles from './session.module.css'

/** Props of {@link RubricPanel}. */
export interface RubricPanelProps {
  sheet: RubricSheet
  level: SessionLevel
  /** The dimensions scored (the session's rubric, `sessionRubric(plan)`); the ten HLD ones when absent. */
  dimensions?: readonly RubricDimension[]
  /** Sends one edit of the user's own sheet; absent shows the sheet read-only (a shared copy, a submitted sheet). */
  onEdit?: (edit: SheetEdit) => void
  /** Session clock for note stamps (running ms since the start). */
  elapsedMs: number
  /** The session's replay page: each note's time links to its moment there. */
  replayHref?: string
  /** Sharing, submitting and the save state, below the sheet. */
  footer?: ReactNode
  testId?: string
}

/**
 * The rubric: its dimensions (the ten HLD ones, or the LLD rubric) scored 1–4 against their anchors, red flags,
 * notes stamped with the session clock, and the recommendation beside the
 * roll-up's suggestion. Each change is one edit of the author's own sheet,
 * sent to the server, which keeps it private to its author.
 */
export function RubricPanel({
  sheet,
  level,
  dimensions = rubricDimensions,
  onEdit,
  elapsedMs,
  replayHref,
  footer,
  testId,
}: RubricPanelProps) {
  const [note, setNote] = useState('')
  const suggestion = rollUp(sheet, level)
  const readOnly = !onEdit
  const submitNote = (event: FormEvent) => {
    event.preventDefault()
    if (!onEdit || !note.trim()) return
    onEdit({ op: 'addNote', id: crypto.randomUUID(), at: Math.round(elapsedMs), text: note.trim() })
    setNote('')
  }
  return (
    <div className={styles.rubric} data-testid={testId ?? (readOnly ? 'shared-rubric' : 'rubric-panel')}>
      {dimensions.map((dimension) => {
        const score = sheet.scores[dimension.id]
        return (
          <fieldset key={dimension.id} className={styles.dimension} data-testid={`dimension-${dimension.id}`}>
            <legend title={dimension.summary}>{dimension.name}</legend>
            <div className={styles.scores} role="radiogroup" aria-label={dimension.name}>
              {[1, 2, 3, 4].map((value) => (
                <button
                  key={value}
                  type="button"
                  role="radio"
                  aria-checked={score === value}
                  disabled={readOnly}
                  title={dimension.anchors[value - 1]}
                  onClick={() =>
                    onEdit?.({ op: 'score', dimension: dimension.id, score: score === value ? null : value })
                  }
                >
                  {value}
                </button>
              ))}
            </div>
            {score && <p className={styles.anchor}>{dimension.anchors[score - 1]}</p>}
          </fieldset>
        )
      })}
      <fieldset className={styles.dimension}>
        <legend>Red flags</legend>
        {redFlags.map((flag) => (
          <label key={flag.id} className={styles.flag}>
            <input
              type="checkbox"
              checked={sheet.flags.includes(flag.id)}
              disabled={readOnly}
              onChange={(e) => onEdit?.({ op: 'flag', flag: flag.id, on: e.target.checked })}
            />
            {flag.label}
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.dimension}>
        <legend>Notes</legend>
        <ul className={styles.notes}>
          {sheet.notes.map((n) => (
            <li key={n.id}>
              {replayHref ? (
                <a href={`${replayHref}?clock=${Math.round(n.at)}`} title="Watch this moment in the replay">
                  <time>{formatClock(n.at)}</time>
                </a>
              ) : (
                <time>{formatClock(n.at)}</time>
              )}{' '}
              {n.text}
              {!readOnly && onEdit && (
                <button
                  type="button"
                  className={styles.removeNote}
                  onClick={() => onEdit({ op: 'removeNote', id: n.id })}
                  aria-label={`Delete the note “${n.text}”`}
                  title="Delete this note"
                  data-testid="remove-note"
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {!readOnly && (
          <form onSubmit={submitNote} className={styles.row}>
            <input
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder="Note at the current time"
              aria-label="Note"
            />
            <button type="submit">Add</button>
          </form>
        )}
      </fieldset>
      <fieldset className={styles.dimension}>
        <legend>Recommendation</legend>
        <p className={styles.muted} data-testid="roll-up">
          Suggested: {recommendations.find((r) => r.id === suggestion.recommendation)?.label ?? '—'} (
          {suggestion.reasons.join('; ')})
        </p>
        <div className={styles.scores} role="radiogroup" aria-label="Recommendation">
          {recommendations.map((r) => (
            <button
              key={r.id}
              type="button"
              role="radio"
              aria-checked={sheet.recommendation === r.id}
              disabled={readOnly}
              onClick={() =>
                onEdit?.({
                  op: 'recommendation',
                  recommendation: sheet.recommendation === r.id ? null : (r.id as Recommendation),
                })
              }
            >
              {r.label}
            </button>
          ))}
        </div>
      </fieldset>
      {footer}
    </div>
  )
}
