'use client'

import dynamic from 'next/dynamic'
import type { BoardSnapshot } from '@/lib/board/boardSnapshot'
import { boardHasShapes } from './summaryData'
import { preloadBoardFonts } from '@/components/board/preloadBoardFonts'
import card from '@/components/ui/card.module.css'
import styles from './summary.module.css'

// tldraw touches the DOM on import: render it in the browser only.
const BoardImageView = dynamic(() => import('./BoardImageView'), {
  ssr: false,
  loading: () => <p className={card.muted}>Drawing the board…</p>,
})

/** Props of {@link BoardImage}. */
export interface BoardImageProps {
  /** The board, or null when it has nothing drawn on it. */
  snapshot: BoardSnapshot | null
  /** True when this is the board as the ended session left it. */
  ended: boolean
}

/** The summary's picture of the board: as the session left it, never the board's later edits. */
export function BoardImage({ snapshot, ended }: BoardImageProps) {
  const drawn = boardHasShapes(snapshot)
  if (drawn) preloadBoardFonts() // from the page's head: the image is drawn in them
  return (
    <section className={card.card} data-testid="board-image">
      <h2>{ended ? 'Board at the end of the session' : 'Board now'}</h2>
      {drawn ? (
        <div className={styles.board}>
          <BoardImageView snapshot={snapshot} />
        </div>
      ) : (
        <p className={card.muted}>Nothing was drawn on the board.</p>
      )}
    </section>
  )
}
