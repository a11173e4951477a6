import type { HistoryRow } from './historyData'
import { LocalTime } from '@/components/ui/time/LocalTime'
import card from '@/components/ui/card.module.css'
import styles from './history.module.css'

/** Props of {@link SessionTable}. */
export interface SessionTableProps {
  rows: HistoryRow[]
}

/** The user's sessions, newest first, each linking to its summary. */
export function SessionTable({ rows }: SessionTableProps) {
  return (
    <div className={styles.tableWrap}>
      <table className={`${card.table} ${styles.sessions}`} data-testid="session-table">
        <thead>
          <tr>
            <th>Date</th>
            <th>Problem</th>
            <th>My role</th>
            <th>Mode</th>
            <th>Level</th>
            <th>Recommendation</th>
            <th className={card.number}>Average</th>
            <th>
              <span className={styles.visuallyHidden}>Link</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.sessionId} data-testid="session-row" data-session-id={row.sessionId}>
              <td>
                <LocalTime at={row.startedAt} />
              </td>
              <td className={styles.titleCell}>{row.title}</td>
              <td>{row.role}</td>
              <td>{row.mode}</td>
              <td>{row.level}</td>
              <td>{row.recommendation}</td>
              <td className={card.number}>{row.average ?? <span className={styles.none}>—</span>}</td>
              <td>
                <a className={card.link} href={row.href}>
                  Summary
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
