'use client'

import { createContext, useContext } from 'react'
import { ConnectionToolbar } from '../connections/ConnectionToolbar'
import { SessionStrip } from '../session/SessionStrip'
import type { RoomSession } from '../session/useRoomSession'
import styles from './board.module.css'

/** The live session reaches tldraw's `TopPanel` slot through context, so the slot component stays stable. */
export const BoardSessionContext = createContext<{ session: RoomSession | null; roomId: string }>({
  session: null,
  roomId: '',
})

/** Top centre of the canvas: the session clock, and under it the connection toolbar while arrows are selected. */
export function BoardTopPanel() {
  const { session, roomId } = useContext(BoardSessionContext)
  return (
    <div className={styles.topPanel}>
      {session && <SessionStrip session={session} roomId={roomId} />}
      <ConnectionToolbar />
    </div>
  )
}
