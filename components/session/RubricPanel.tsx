'use client'

import { useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { redFlags, rubricDimensions } from '@/lib/rubric/rubricContent'
import { rollUp } from '@/lib/rubric/rollUp'
import {
  addNote,
  recommendations,
  setFlag,
  setRecommendation,
  setScore,
  type Recommendation,
  type RubricSheet,
} from '@/lib/rubric/rubricSheet'
import type { SessionLevel } from '@/lib/session/sessionConfig'
import { formatClock } from '@/lib/session/timer'
import styles from './session.module.css'

/** Props of {@link RubricPanel}. */
export interface RubricPanelProps {
  sheet: RubricSheet
  level: SessionLevel
  /** The private doc to write to; null shows the sheet read-only (a shared copy). */
  doc: Y.Doc | null
  /** Session clock for note stamps (running ms since the start). */
  elapsedMs: number
  author: string
  onSave?: () => void
  onShare?: () => void
  /** The room's replay page: each note's time links to its moment there. */
  replayHref?: string
}

/**
 * The rubric: ten dimensions scored 1–4 against their anchors, red flags,
 * notes stamped with the session clock, and the recommendation beside the
 * roll-up's suggestion. Edits go straight into the room's private document,
 * which the server opens to interviewers only.
 */
export function RubricPanel({ sheet, level, doc, elapsedMs, author, onSave, onShare, replayHref }: RubricPanelProps) {
  const [note, setNote] = useState('')
  const suggestion = rollUp(sheet, level)
  const readOnly = !doc
  const submitNote = (event: FormEvent) => {
    event.preventDefault()
    if (!doc || !note.trim()) return
    addNote(doc, { id: crypto.randomUUID(), at: elapsedMs, text: note.trim(), by: author })
    setNote('')
  }
  return (
    <div className={styles.rubric} data-testid={readOnly ? 'shared-rubric' : 'rubric-panel'}>
      {rubricDimensions.map((dimension) => {
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
                  onClick={() => doc && setScore(doc, dimension.id, score === value ? null : value)}
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
              onChange={(e) => doc && setFlag(doc, flag.id, e.target.checked)}
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
                doc && setRecommendation(doc, sheet.recommendation === r.id ? null : (r.id as Recommendation))
              }
            >
              {r.label}
            </button>
          ))}
        </div>
      </fieldset>
      {!readOnly && (
        <div className={styles.row}>
          {onSave && (
            <button type="button" onClick={onSave} data-testid="save-scores">
              Save scores
            </button>
          )}
          {onShare && (
            <button type="button" className={styles.primary} onClick={onShare} data-testid="share-rubric">
              Share with candidate
            </button>
          )}
        </div>
      )}
    </div>
  )
}
