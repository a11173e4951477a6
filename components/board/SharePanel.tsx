'use client'

import { useTldrawUiComponents } from 'tldraw'

/**
 * tldraw's top-right slot: its people menu (names, follow, your name and
 * colour). Role, connection and invites live in the app's own header
 * (`BoardHeader`), so they never compete with tldraw's panels for room.
 */
export function SharePanel() {
  const { PeopleMenu } = useTldrawUiComponents()
  return <div className="tlui-share-zone">{PeopleMenu && <PeopleMenu />}</div>
}
