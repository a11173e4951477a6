import { latencyRows, ROUND_TRIP_SOURCE, roundTrips } from '@/lib/facts/latencyNumbers'
import { formatDuration, ninesRows, powersOfTwo } from '@/lib/facts/powersAndNines'
import { throughputRules } from '@/lib/facts/throughputRules'
import { workedExamples } from '@/lib/facts/workedExamples'
import { phaseGuides } from '@/lib/session/phaseGuides'
import styles from './estimation.module.css'

/** Latency numbers, fastest first, then round trips between regions. */
export function LatencyTable() {
  return (
    <>
      <table className={styles.table} data-testid="estimation-latency">
        <tbody>
          {latencyRows.map((row) => (
            <tr key={row.id} title={[row.source, row.note].filter(Boolean).join(' · ')}>
              <td>{row.what}</td>
              <td className={styles.value}>{row.shown}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className={styles.subhead}>Round trips between regions</h3>
      <table className={styles.table}>
        <tbody>
          {roundTrips.map((trip) => (
            <tr key={`${trip.from}-${trip.to}`}>
              <td>
                {trip.from} ↔ {trip.to}
              </td>
              <td className={styles.value}>~{trip.ms} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.source}>{ROUND_TRIP_SOURCE}. Hover a row for its source.</p>
    </>
  )
}

/** Powers of two with their decimal sizes. */
export function PowersTable() {
  return (
    <table className={styles.table} data-testid="estimation-powers">
      <thead>
        <tr>
          <th>Power</th>
          <th>Exact</th>
          <th>About</th>
          <th>Names</th>
        </tr>
      </thead>
      <tbody>
        {powersOfTwo.map((p) => (
          <tr key={p.power}>
            <td>
              2<sup>{p.power}</sup>
            </td>
            <td className={styles.value}>{p.exact}</td>
            <td>{p.approx}</td>
            <td>{p.unit}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Allowed downtime for each availability target. */
export function NinesTable() {
  return (
    <>
      <table className={styles.table} data-testid="estimation-nines">
        <thead>
          <tr>
            <th>Availability</th>
            <th>Per year</th>
            <th>Per month</th>
            <th>Per day</th>
          </tr>
        </thead>
        <tbody>
          {ninesRows.map((row) => (
            <tr key={row.availability}>
              <td>{row.availability}</td>
              <td className={styles.value}>{formatDuration(row.perYearS)}</td>
              <td className={styles.value}>{formatDuration(row.perMonthS)}</td>
              <td className={styles.value}>{formatDuration(row.perDayS)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.source}>
        A year of 365.25 days, a month of 30. Services that must all answer multiply: two at 99.9% give ~99.8%.
      </p>
    </>
  )
}

/** Per-server rules of thumb. */
export function ThroughputTable() {
  return (
    <table className={styles.table} data-testid="estimation-throughput">
      <tbody>
        {throughputRules.map((rule) => (
          <tr key={rule.id} title={rule.source}>
            <td>{rule.what}</td>
            <td className={styles.rate}>{rule.rate}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The estimation phase's formulas, then the worked examples. */
export function ExamplesList() {
  const formulas = phaseGuides.find((g) => g.id === 'estimation')?.prompts ?? []
  return (
    <div data-testid="estimation-examples">
      <ul className={styles.formulas}>
        {formulas.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      {workedExamples.map((example) => (
        <section key={example.id} className={styles.example}>
          <h3 className={styles.subhead}>{example.title}</h3>
          <ol>
            {example.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <p className={styles.takeaway}>{example.takeaway}</p>
        </section>
      ))}
    </div>
  )
}
