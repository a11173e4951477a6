'use client'

import type { ConnectionState } from '@/lib/collab/connectionState'
import styles from './board.module.css'

const LABELS: Record<ConnectionState, { text: string; title: string }> = {
  connecting: { text: 'Connecting…', title: 'Opening the board' },
  connected: { text: 'Connected', title: 'Your edits are saved on the server' },
  reconnecting: {
    text: 'Reconnecting…',
    title: 'Connection lost. Keep drawing: your edits are kept and will sync when it returns.',
  },
  offline: {
    text: 'Offline',
    title: 'No connection to the server. Keep this tab open: your edits sync when it returns.',
  },
}

/** Shows whether the board is live, reconnecting or offline. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const label = LABELS[state]
  return (
    <span className={styles.badge} data-state={state} data-testid="connection-badge" title={label.title} role="status">
      <span className={styles.dot} aria-hidden />
      {label.text}
    </span>
  )
}
