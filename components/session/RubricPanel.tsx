'use client'

import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react'
import { redFlags, rubricDimensions } from '@/lib/rubric/rubricContent'
import type { RubricDimension } from '@/lib/rubric/rubricSchema'
import { rollUp } from '@/lib/rubric/rollUp'
import { recommendations, type Recommendation, type RubricSheet, type SheetEdit } from '@/lib/rubric/rubricSheet'
import type { SessionLevel } from '@/lib/session/sessionConfig'
import { formatClock } from '@/lib/session/timer'
import { radioKeyTarget } from './radioKeys'
import rubricStyles from './rubric.module.css'
import styles from './session.module.css'

/** What each score means across dimensions (the anchors say it per dimension). */
const LEVELS = ['Not yet', 'Developing', 'Solid', 'Strong'] as const

/**
 * A row of radio buttons with a roving tabindex: Tab reaches the group once (the chosen button, else the
 * first), arrows move and choose, as the WAI-ARIA radio pattern does. A mouse click on the chosen
 * button clears the choice (Delete or Backspace does from the keyboard); the second click of a
 * double-click is ignored, so a quick double-click never sets and then clears a score.
 */
function RadioRow({
  label,
  options,
  chosen,
  onChoose,
  describedBy,
  onPreview,
}: {
  label: string
  options: readonly { value: string; label: string; title?: string }[]
  chosen: string | null
  /** Absent: read only. Null clears. */
  onChoose?: (value: string | null) => void
  describedBy?: (value: string) => string
  onPreview?: (value: string | null) => void
}) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const chosenIndex = options.findIndex((o) => o.value === chosen)
  const tabStop = chosenIndex < 0 ? 0 : chosenIndex
  const keyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (!onChoose) return
    if ((event.key === 'Delete' || event.key === 'Backspace') && chosen !== null) {
      event.preventDefault()
      onChoose(null)
      return
    }
    const target = radioKeyTarget(event.key, index, options.length)
    if (target === null) return
    event.preventDefault()
    buttons.current[target]?.focus()
    if (options[target]!.value !== chosen) onChoose(options[target]!.value)
  }
  const click = (event: MouseEvent<HTMLButtonElement>, value: string) => {
    if (!onChoose) return
    if (value !== chosen) onChoose(value)
    // Keyboard activation (detail 0) never clears: Space on the chosen radio keeps it, as the pattern says.
    else if (event.detail === 1) onChoose(null)
  }
  return (
    <div className={styles.scores} role="radiogroup" aria-label={label}>
      {options.map((option, index) => (
        <button
          key={option.value}
          ref={(button) => {
            buttons.current[index] = button
          }}
          type="button"
          role="radio"
          aria-checked={option.value === chosen}
          aria-describedby={describedBy?.(option.value)}
          tabIndex={index === tabStop ? 0 : -1}
          disabled={!onChoose}
          title={option.title}
          onClick={(event) => click(event, option.value)}
          onKeyDown={(event) => keyDown(event, index)}
          onFocus={() => onPreview?.(option.value)}
          onBlur={() => onPreview?.(null)}
          onMouseEnter={() => onPreview?.(option.value)}
          onMouseLeave={() => onPreview?.(null)}
        >
          {option.label}
        </button>
      ))}
    </div>
  )
}

const SCORE_OPTIONS = [1, 2, 3, 4].map((value) => ({ value: String(value), label: String(value) }))

/**
 * One dimension's 1–4 scores. Each score's anchor is read out with the button (aria-describedby) and
 * shown under the buttons: the hovered or focused score's while previewing, else the chosen one's.
 */
function DimensionScores({
  dimension,
  score,
  onEdit,
}: {
  dimension: RubricDimension
  score: number | undefined
  onEdit?: (edit: SheetEdit) => void
}) {
  const id = useId()
  const [previewed, setPreviewed] = useState<number | null>(null)
  const shown = previewed ?? score ?? null
  return (
    <>
      <RadioRow
        label={dimension.name}
        options={SCORE_OPTIONS}
        chosen={score ? String(score) : null}
        onChoose={
          onEdit &&
          ((value) => onEdit({ op: 'score', dimension: dimension.id, score: value === null ? null : Number(value) }))
        }
        describedBy={(value) => `${id}-${value}`}
        onPreview={(value) => setPreviewed(value === null ? null : Number(value))}
      />
      {SCORE_OPTIONS.map(({ value }) => (
        <span key={value} id={`${id}-${value}`} className={rubricStyles.visuallyHidden}>
          {LEVELS[Number(value) - 1]}: {dimension.anchors[Number(value) - 1]}
        </span>
      ))}
      {shown !== null && (
        <p
          className={`${styles.anchor} ${shown !== score ? rubricStyles.preview : ''}`}
          aria-hidden="true"
          data-testid="score-anchor"
        >
          <span className={rubricStyles.anchorLevel}>
            {shown} · {LEVELS[shown - 1]}
            {shown !== score && score ? ` (chosen: ${score})` : ''}:
          </span>{' '}
          {dimension.anchors[shown - 1]}
        </p>
      )}
    </>
  )
}

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
            <DimensionScores dimension={dimension} score={score} onEdit={onEdit} />
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
        <RadioRow
          label="Recommendation"
          options={recommendations.map((r) => ({ value: r.id, label: r.label }))}
          chosen={sheet.recommendation}
          onChoose={
            onEdit && ((value) => onEdit({ op: 'recommendation', recommendation: value as Recommendation | null }))
          }
        />
      </fieldset>
      {footer}
    </div>
  )
}
