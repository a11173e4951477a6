import Link from 'next/link'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { HistoryChart } from '@/components/history/HistoryChart'
import { SessionTable } from '@/components/history/SessionTable'
import { historyPoints, historyRows } from '@/components/history/historyData'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import card from '@/components/ui/card.module.css'

export const metadata: Metadata = { title: 'My sessions · Mockboard' }

/** The signed-in user's sessions: their average score over time, and every session with a link to its summary. */
export default async function SessionsPage() {
  const actor = await currentActor()
  if (!actor) redirect('/signin?callbackUrl=/sessions')
  // Newest first; scores the user may not see arrive empty, so they neither plot nor average.
  const records = await appContext().sessions.listForUser(actor)
  const points = historyPoints(records)
  return (
    <main className={card.page}>
      <nav className={card.nav}>
        <Link href="/">← Home</Link>
      </nav>
      <h1 className={card.title}>My sessions</h1>
      {records.length === 0 ? (
        <p className={card.lead} data-testid="no-sessions">
          No sessions yet.{' '}
          <Link className={card.link} href="/">
            Start a board
          </Link>{' '}
          and run one.
        </p>
      ) : (
        <>
          <p className={card.lead}>
            {records.length} session{records.length === 1 ? '' : 's'}, newest first.
          </p>
          <section className={card.card}>
            <h2>Average score over time</h2>
            {points.length > 0 ? (
              <HistoryChart points={points} />
            ) : (
              <p className={card.muted}>
                No scores yet: they appear once you score a session, or an interviewer shares theirs with you.
              </p>
            )}
          </section>
          <section className={card.card}>
            <h2>Sessions</h2>
            <SessionTable rows={historyRows(records)} />
          </section>
        </>
      )}
    </main>
  )
}
