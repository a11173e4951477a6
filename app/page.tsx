import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { SignOutButton } from '@/components/auth/SignOutButton'
import { BoardList } from '@/components/boards/BoardList'
import styles from './home.module.css'

/** Home: start a new board (signing in as a guest first if need be), and the boards you own or joined. */
export default async function HomePage() {
  const actor = await currentActor()
  const boards = actor ? await appContext().boards.list(actor) : []
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Mockboard</h1>
      <p className={styles.lead}>
        A live whiteboard for system-design mock interviews. Start a board, send the candidate their invite link, and
        design together.
      </p>
      {actor ? (
        <>
          <form method="post" action="/api/rooms">
            <button type="submit" className={styles.primary} data-testid="new-board">
              New board
            </button>
          </form>
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
