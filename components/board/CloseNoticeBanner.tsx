'use client'

import type { CloseNotice } from '@/lib/collab/closeNotices'
import styles from './board.module.css'

/** Tells the user why the server disconnected the board over a quota, and offers to reconnect when that can help. */
export function CloseNoticeBanner({ notice, onReconnect }: { notice: CloseNotice; onReconnect: () => void }) {
  return (
    <div className={styles.banner} role="alert" data-testid="close-notice" data-code={notice.code}>
      {notice.message}
      {notice.canRetry && (
        <button type="button" onClick={onReconnect}>
          Reconnect
        </button>
      )}
    </div>
  )
}
