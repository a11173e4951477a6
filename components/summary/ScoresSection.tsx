import type { RubricDimension } from '@/lib/rubric/rubricSchema'
import type { RubricSheet } from '@/lib/rubric/rubricSheet'
import type { SessionLevel } from '@/lib/session/sessionConfig'
import { ScoresChart } from './ScoresChart'
import { flagLabels, recommendationView, scoreRows } from './summaryData'
import card from '@/components/ui/card.module.css'
import styles from './summary.module.css'

/** Props of {@link ScoresSection}. */
export interface ScoresSectionProps {
  /** The rubric as the viewer may see it: null for a candidate until the interviewer shares it. */
  rubric: RubricSheet | null
  level: SessionLevel
  /** The session's rubric (`sessionRubric(plan)`); the ten HLD dimensions when absent. */
  dimensions?: readonly RubricDimension[]
  /** Shown to interviewers whose scores the candidate cannot see yet. */
  unsharedHint: boolean
  /** The section's heading. */
  title: string
  /** What to say when `rubric` is null (`noScoresMessage`). */
  emptyMessage?: string
}

/** The rubric scores as a chart, with the recommendation and red flags. */
export function ScoresSection({ rubric, level, dimensions, unsharedHint, title, emptyMessage }: ScoresSectionProps) {
  if (!rubric) {
    return (
      <section className={card.card} data-testid="scores-hidden">
        <h2>{title}</h2>
        <p className={card.muted}>{emptyMessage}</p>
      </section>
    )
  }
  const rows = scoreRows(rubric, dimensions)
  const verdict = recommendationView(rubric, level)
  const flags = flagLabels(rubric.flags)
  return (
    <section className={card.card} data-testid="scores">
      <h2>{title}</h2>
      {unsharedHint && <p className={card.muted}>Only you see these until you share them with the candidate.</p>}
      {verdict ? (
        <p className={styles.verdict} data-testid="recommendation">
          <span className={styles.recommendation} data-suggested={verdict.suggested}>
            {verdict.label === null
              ? 'No suggestion yet'
              : verdict.suggested
                ? `Suggested: ${verdict.label}`
                : verdict.label}
          </span>
          <span className={styles.reasons}>{verdict.reasons.join(' · ')}</span>
        </p>
      ) : (
        <p className={card.muted}>Nothing scored yet.</p>
      )}
      {verdict && <ScoresChart rows={rows} />}
      <ul className={styles.scoreList}>
        {rows.map((row) => (
          <li key={row.id} data-testid="score-row" data-dimension={row.id}>
            <span>{row.name}</span>
            <span className={styles.scoreValue}>
              {row.score === null ? 'not scored' : `${row.score}/4 · ${row.meaning}`}
            </span>
          </li>
        ))}
      </ul>
      {flags.length > 0 && (
        <div className={styles.flags} data-testid="red-flags">
          <h3>Red flags</h3>
          <ul>
            {flags.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
