import type { Metadata } from 'next'
import { currentActor } from '@/server/auth/session'
import { problemBank } from '@/lib/problems/problemBank'
import { appContext } from '@/server/appContext'
import { SignOutButton } from '@/components/auth/SignOutButton'
import { BoardList } from '@/components/boards/BoardList'
import styles from './home.module.css'

export const metadata: Metadata = { title: 'My boards · Mockboard' }

/** Home: start a new board (signing in as a guest first if need be), and the boards you own or joined. */
export default async function HomePage() {
  const actor = await currentActor()
  const boards = actor ? await appContext().boards.list(actor) : []
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Mockboard</h1>
      <p className={styles.lead}>
        A live whiteboard for system-design mock interviews. Draw the architecture together on one canvas with 159
        building blocks, run the interview on a shared clock through its phases, score it on a private rubric, and
        replay every session edit by edit.
      </p>
      <ul className={styles.uses}>
        <li>
          <strong>Pair mock</strong>: start a board, send the candidate their invite link, pick one of{' '}
          {problemBank.length} problems.
        </li>
        <li>
          <strong>Solo practice</strong>: take a problem against the clock, then score yourself and check the reference
          checklist.
        </li>
        <li>
          <strong>Replay</strong>: every session keeps its summary and an edit-by-edit replay.
        </li>
      </ul>
      {actor ? (
        <>
          <div className={styles.actions}>
            <form method="post" action="/api/rooms">
              <button type="submit" className={styles.primary} data-testid="new-board">
                New board
              </button>
            </form>
            <form method="post" action="/api/rooms?mode=solo">
              <button type="submit" className={styles.secondary} data-testid="practise-solo">
                Practise solo
              </button>
            </form>
          </div>
          <p className={styles.hint}>
            <a href="/sessions" data-testid="my-sessions">
              My sessions
            </a>{' '}
            · Signed in as <strong>{actor.name}</strong>. <SignOutButton />
          </p>
          <h2 className={styles.subtitle}>My boards</h2>
          <BoardList boards={boards} />
        </>
      ) : (
        <a className={styles.primary} href="/signin?callbackUrl=/" data-testid="sign-in">
          Sign in to start
        </a>
      )}
    </main>
  )
}
