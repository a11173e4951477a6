'use client'

import dynamic from 'next/dynamic'
import type { BoardSnapshot } from '@/server/sessions/SessionService'
import styles from './summary.module.css'

// tldraw touches the DOM on import: render it in the browser only.
const BoardImageView = dynamic(() => import('./BoardImageView'), {
  ssr: false,
  loading: () => <p className={styles.muted}>Drawing the board…</p>,
})

/** Props of {@link BoardImage}. */
export interface BoardImageProps {
  /** The board, or null when it has nothing drawn on it. */
  snapshot: BoardSnapshot | null
}

/** The summary's picture of the board. */
export function BoardImage({ snapshot }: BoardImageProps) {
  return (
    <section className={styles.card} data-testid="board-image">
      <h2>Board</h2>
      {snapshot ? (
        <div className={styles.board}>
          <BoardImageView snapshot={snapshot} />
        </div>
      ) : (
        <p className={styles.muted}>Nothing was drawn on the board.</p>
      )}
    </section>
  )
}
