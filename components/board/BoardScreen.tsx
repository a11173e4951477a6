'use client'

import dynamic from 'next/dynamic'
import type { Actor } from '@/lib/access/actor'
import type { PageTickets } from '@/lib/collab/TicketedConnection'
import styles from './board.module.css'
import { preloadBoardFonts } from './preloadBoardFonts'

// tldraw touches the DOM on import: render it in the browser only. Its chunk (tldraw, ~0.6 MB compressed) is
// requested as soon as this module runs, not when hydration reaches the board, so it downloads meanwhile.
if (typeof window !== 'undefined') import('./CollabBoard').catch(() => undefined) // next/dynamic reports failures
const CollabBoard = dynamic(() => import('./CollabBoard'), {
  ssr: false,
  loading: () => <div className={styles.loading}>Opening the board…</div>,
})

/** Props of {@link BoardScreen}. */
export interface BoardScreenProps {
  roomId: string
  /** Collab base URL from server configuration; empty means same origin. */
  collabUrl: string
  /** The signed-in user. */
  user: Actor
  /** Collab tickets rendered with the page, for the first connects (null: fetch them). */
  tickets: PageTickets | null
}

/** The room page's client part: resolves the collab URL and mounts the board. */
export function BoardScreen({ roomId, collabUrl, user, tickets }: BoardScreenProps) {
  preloadBoardFonts()
  const url = collabUrl || sameOriginCollabUrl()
  return <CollabBoard roomId={roomId} collabUrl={url} user={user} tickets={tickets} />
}

function sameOriginCollabUrl(): string {
  if (typeof window === 'undefined') return ''
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${window.location.host}/collab`
}
