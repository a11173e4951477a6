'use client'

import { useTldrawUiComponents } from 'tldraw'
import styles from './board.module.css'

/**
 * tldraw's top-right slot: its people menu (names, follow, your name and
 * colour). Role, connection and invites live in the app's own header
 * (`BoardHeader`), so they never compete with tldraw's panels for room.
 */
export function SharePanel() {
  const { PeopleMenu } = useTldrawUiComponents()
  return (
    <div className={`tlui-share-zone ${styles.sharePanel}`} draggable={false}>
      {PeopleMenu && <PeopleMenu />}
    </div>
  )
}
