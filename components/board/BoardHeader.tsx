'use client'

import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react'
import dynamic from 'next/dynamic'
import { House } from 'lucide-react'
import type { Role } from '@/lib/access/roles'
import type { ConnectionState } from '@/lib/collab/connectionState'
import { RoleBadge } from '../room/RoleBadge'
import { fetchRoomView } from '../room/useRoomView'
import { SKIP_TARGETS } from './SkipLinks'
import { InvitePanel } from '../room/InvitePanel'
import { SessionStrip } from '../session/SessionStrip'
import type { RoomSession } from '../session/useRoomSession'
import { CallControl } from '../call/CallControl'
import { ConnectionBadge } from './ConnectionBadge'
import styles from './board.module.css'

// Recording code (consent, MediaRecorder, uploads) loads after the board, in its own chunk.
const VoiceRecording = dynamic(() => import('../voice/VoiceRecording').then((m) => m.VoiceRecording), { ssr: false })

/** Props of {@link BoardHeader}. */
export interface BoardHeaderProps {
  roomId: string
  /** Base URL of the collab endpoint (the audio call is signalled there too). */
  collabUrl: string
  /** Told who talks in the call now (tldraw user ids), for the cursors' rings. */
  onSpeakingUsers?: (users: ReadonlySet<string>) => void
  session: RoomSession
  connection: ConnectionState
  role: Role | null
  solo: boolean
}

/**
 * The bar above the canvas, owned by the app rather than squeezed into
 * tldraw's top row: the way home (My boards), the board's name (the page's
 * heading) and the session clock with its controls on the left; your
 * role, the audio call (not in solo practice), whether the session is
 * recorded (and you with it), the connection and the people/invite menu on
 * the right. Nothing of it can slide under the side panels, whatever the
 * window's width: when room runs short the name gives way first (down to a
 * few letters, then an ellipsis), the home link never does.
 */
export function BoardHeader({ roomId, collabUrl, session, connection, role, solo, onSpeakingUsers }: BoardHeaderProps) {
  const name = useBoardName(roomId)
  return (
    <header className={styles.header} data-testid="board-header" id={SKIP_TARGETS.header} tabIndex={-1}>
      <div className={styles.headerLeft}>
        {/* A full page load, not a client-side navigation (<Link>): the unsaved-rubric warning (beforeunload) still
            asks, and the call, the recording and the collab sockets close as on any other way out. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
        <a className={styles.homeLink} href="/" title="My boards" aria-label="My boards" data-testid="board-home">
          <House size={18} aria-hidden />
        </a>
        {name !== null && <BoardName name={name} />}
        <div className={styles.headerClock}>
          <SessionStrip session={session} roomId={roomId} online={connection === 'connected'} />
        </div>
      </div>
      <div className={styles.headerRight}>
        {/* Solo practice has nobody to call (thinking aloud is what recording is for). */}
        {role && !solo && <CallControl roomId={roomId} collabUrl={collabUrl} onSpeakingUsers={onSpeakingUsers} />}
        <VoiceRecording roomId={roomId} session={session} role={role} />
        {role && <RoleBadge role={role} solo={solo && role === 'interviewer'} />}
        <ConnectionBadge state={connection} />
        {role && <InvitePanel roomId={roomId} role={role} />}
      </div>
    </header>
  )
}

/**
 * The board's name, the page's only h1. It adds no more than its floor
 * (about six letters, fewer on a small screen) to the width the header wraps
 * by, and takes the room left on its row up to its own width: so a long name
 * is cut with an ellipsis (whole in its title) before any control moves to
 * another row. Its width is measured (the text's own box), as a box whose
 * width does not count for wrapping cannot be sized by its text in CSS.
 */
function BoardName({ name }: { name: string }) {
  const text = useRef<HTMLSpanElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  useLayoutEffect(() => {
    if (!text.current || !heading.current) return
    const width = Math.ceil(text.current.getBoundingClientRect().width) + 2
    heading.current.style.setProperty('--mb-board-name-width', `${width}px`)
  }, [name])
  return (
    <h1
      ref={heading}
      className={styles.boardName}
      title={name}
      style={{ '--mb-board-name-min': `min(6rem, ${name.length + 1}ch, 12vw)` } as CSSProperties}
      data-testid="board-name"
    >
      <span ref={text}>{name}</span>
    </h1>
  )
}

/**
 * The board's name as `GET /api/rooms/<id>` gives it to a member (null until
 * then, or if refused). Asked again whenever the tab comes back into view, so
 * a rename made meanwhile (in My boards, in another tab) shows without a
 * reload; the tab's title follows it (the page sets it from the same name).
 */
function useBoardName(roomId: string): string | null {
  const [name, setName] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    const load = () =>
      fetchRoomView(roomId)
        .then((view) => {
          if (current && view) setName(view.name)
        })
        // Offline or refused: keep the name shown (the connection badge says what is wrong).
        .catch(() => undefined)
    void load()
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      current = false
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [roomId])
  useEffect(() => {
    if (name === null) return
    const title = `${name} · Mockboard`
    if (document.title !== title) document.title = title
  }, [name])
  return name
}
