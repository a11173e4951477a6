'use client'

import { ConnectionToolbar } from '../connections/ConnectionToolbar'
import styles from './board.module.css'

/** Top centre of the canvas: the connection toolbar while arrows are selected. */
export function BoardTopPanel() {
  return (
    <div className={styles.topPanel}>
      <ConnectionToolbar />
    </div>
  )
}
