'use client'

import dynamic from 'next/dynamic'
import type { Role } from '@/lib/access/roles'
import type { ConnectionState } from '@/lib/collab/connectionState'
import { RoleBadge } from '../room/RoleBadge'
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
 * tldraw's top row: the session clock and its controls on the left; your
 * role, the audio call (not in solo practice), whether the session is
 * recorded (and you with it), the connection and the people/invite menu on
 * the right. Nothing of
 * it can slide under the side panels, whatever the window's width.
 */
export function BoardHeader({ roomId, collabUrl, session, connection, role, solo, onSpeakingUsers }: BoardHeaderProps) {
  return (
    <header className={styles.header} data-testid="board-header" id={SKIP_TARGETS.header} tabIndex={-1}>
      <div className={styles.headerClock}>
        <SessionStrip session={session} roomId={roomId} online={connection === 'connected'} />
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
