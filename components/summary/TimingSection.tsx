import { TimingChart } from './TimingChart'
import type { TimingRow } from './summaryData'
import card from '@/components/ui/card.module.css'
import styles from './summary.module.css'

/** Props of {@link TimingSection}. */
export interface TimingSectionProps {
  rows: TimingRow[]
}

/** Planned against actual time per phase: a chart, and the same numbers as a table (which names extensions). */
export function TimingSection({ rows }: TimingSectionProps) {
  const total = (key: 'plannedMin' | 'actualMin') => Math.round(rows.reduce((sum, r) => sum + r[key], 0) * 10) / 10
  return (
    <section className={card.card} data-testid="timing">
      <h2>Time per phase</h2>
      <TimingChart rows={rows} />
      <table className={`${card.table} ${styles.timing}`}>
        <thead>
          <tr>
            <th>Phase</th>
            <th className={card.number}>Planned</th>
            <th className={card.number}>Actual</th>
            <th className={card.number}>Over</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="phase-row" data-phase={row.id}>
              <td>{row.label}</td>
              <td className={card.number}>
                {row.plannedMin} min
                {row.extendedMin > 0 && (
                  <span className={styles.extended} data-testid="phase-extension">
                    {' '}
                    (incl. +{row.extendedMin} extension)
                  </span>
                )}
              </td>
              <td className={card.number}>{row.actualMin} min</td>
              <td className={`${card.number} ${row.overrunMin > 0 ? styles.overrun : ''}`}>
                {row.overrunMin > 0 ? `+${row.overrunMin} min` : '—'}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>Total</th>
            <th className={card.number}>{total('plannedMin')} min</th>
            <th className={card.number}>{total('actualMin')} min</th>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  )
}
