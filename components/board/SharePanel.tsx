'use client'

import { useState } from 'react'
import { useTldrawUiComponents } from 'tldraw'
import type { ConnectionState } from '@/lib/collab/connectionState'
import { ConnectionBadge } from './ConnectionBadge'
import styles from './board.module.css'

/** Top-right corner: tldraw's people menu (names, follow), the connection badge and a copy-link button. */
export function SharePanel({ connection }: { connection: ConnectionState }) {
  const { PeopleMenu } = useTldrawUiComponents()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    await navigator.clipboard?.writeText(window.location.href).catch(() => undefined)
    setCopied(true)
    setTimeout(() => setCopied(false), 1_500)
  }
  return (
    <div className={`tlui-share-zone ${styles.sharePanel}`} draggable={false}>
      {PeopleMenu && <PeopleMenu />}
      <ConnectionBadge state={connection} />
      <button type="button" className={styles.shareButton} onClick={copy} title="Copy this board's link to share it">
        {copied ? 'Link copied' : 'Copy link'}
      </button>
    </div>
  )
}
