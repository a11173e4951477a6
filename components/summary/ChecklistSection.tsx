import card from '@/components/ui/card.module.css'
import styles from './summary.module.css'

/** One reference-checklist item with whether it was covered, and how that was decided. */
export interface ChecklistRow {
  item: string
  covered: boolean
  /** `board` when a matching block was on the board, `hand` when ticked by the user. */
  by: 'board' | 'hand'
}

/** The reference checklist's result: what the board showed and what was ticked by hand. */
export function ChecklistSection({ rows }: { rows: ChecklistRow[] }) {
  const covered = rows.filter((r) => r.covered).length
  return (
    <section className={card.card} data-testid="checklist-result">
      <h2>
        Checklist: {covered} of {rows.length} covered
      </h2>
      <ul className={styles.scoreList}>
        {rows.map((row) => (
          <li key={row.item} data-covered={row.covered || undefined} data-testid="checklist-row">
            <span>{row.item}</span>
            <span className={styles.scoreValue}>
              {row.covered ? (row.by === 'board' ? 'on the board' : 'ticked') : 'missing'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
