import styles from './home.module.css'

/** Home: start a new board. */
export default function HomePage() {
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Mockboard</h1>
      <p className={styles.lead}>
        A live whiteboard for system-design mock interviews. Start a board, share its link, and design together.
      </p>
      <form method="post" action="/api/rooms">
        <button type="submit" className={styles.primary} data-testid="new-board">
          New board
        </button>
      </form>
      <p className={styles.hint}>Anyone with the link can join and draw. Boards are saved as you go.</p>
    </main>
  )
}
