'use client'

import { useTldrawUiComponents } from 'tldraw'
import type { ConnectionState } from '@/lib/collab/connectionState'
import type { Role } from '@/lib/access/roles'
import { ConnectionBadge } from './ConnectionBadge'
import { RoleBadge } from '../room/RoleBadge'
import { InvitePanel } from '../room/InvitePanel'
import styles from './board.module.css'

/** What the share panel shows. */
export interface SharePanelState {
  roomId: string
  connection: ConnectionState
  role: Role | null
  /** A solo session is running or was the last: the badge says "You". */
  solo: boolean
}

/**
 * Top-right corner: tldraw's people menu (names, follow), your role, the
 * connection badge, and for the owner the invite links, members and role swap.
 */
export function SharePanel({ roomId, connection, role, solo }: SharePanelState) {
  const { PeopleMenu } = useTldrawUiComponents()
  return (
    <div className={`tlui-share-zone ${styles.sharePanel}`} draggable={false}>
      {PeopleMenu && <PeopleMenu />}
      {role && <RoleBadge role={role} solo={solo && role === 'interviewer'} />}
      <ConnectionBadge state={connection} />
      {role && <InvitePanel roomId={roomId} role={role} />}
    </div>
  )
}
