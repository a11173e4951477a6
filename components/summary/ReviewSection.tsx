import type { Finding } from '@/lib/review/finding'
import card from '@/components/ui/card.module.css'
import styles from './summary.module.css'

/** The design review of the final board, for interviewers and solo users (never sent to a candidate). */
export function ReviewSection({ findings }: { findings: Finding[] }) {
  return (
    <section className={card.card} data-testid="summary-review">
      <h2>Design review</h2>
      {findings.length === 0 ? (
        <p className={card.muted}>Nothing to point out on the final board.</p>
      ) : (
        <ul className={styles.findings}>
          {findings.map((f) => (
            <li key={f.id} data-severity={f.severity}>
              <strong>
                {f.severity}: {f.title}
              </strong>
              <br />
              <span className={card.muted}>{f.explanation}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
