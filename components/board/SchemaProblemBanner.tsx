'use client'

import type { BindingProblem } from '@/lib/binding/StoreYjsBinding'
import styles from './board.module.css'

/** Tells the user why the board is read-only and how to fix it. */
export function SchemaProblemBanner({ problem }: { problem: BindingProblem }) {
  const message =
    problem.kind === 'newer-schema'
      ? 'This board was saved by a newer version of Mockboard. Reload to keep editing.'
      : 'This board could not be opened for editing.'
  return (
    <div className={styles.banner} role="alert">
      {message}
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  )
}
