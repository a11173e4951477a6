'use client'

import { createContext, useContext, useEffect, useMemo, useState } from 'react'
import type { ConnectionState } from '@/lib/collab/connectionState'
import { Tldraw, type Editor, type TLComponents } from 'tldraw'
import { getAssetUrlsByMetaUrl } from '@tldraw/assets/urls'
import 'tldraw/tldraw.css'
import { BoardMainMenu } from './BoardMainMenu'
import { SharePanel } from './SharePanel'
import { SchemaProblemBanner } from './SchemaProblemBanner'
import { useCollabSession } from './useCollabSession'
import { useGuestUser } from './useGuestUser'
import styles from './board.module.css'

// Fonts, icons and translations are served from our own origin: the public
// CDN is unreachable for self-hosters and leaks who opens which board.
const assetUrls = getAssetUrlsByMetaUrl()

// tldraw's UI slots take components, not elements: the live connection state
// reaches the share panel through context so the slots stay stable.
const ConnectionContext = createContext<ConnectionState>('connecting')
function ConnectedSharePanel() {
  return <SharePanel connection={useContext(ConnectionContext)} />
}

/** Props of {@link CollabBoard}. */
export interface CollabBoardProps {
  roomId: string
  /** Base URL of the collab endpoint (`ws(s)://host/collab`). */
  collabUrl: string
}

/** The live, multiplayer tldraw canvas of one room. */
export default function CollabBoard({ roomId, collabUrl }: CollabBoardProps) {
  const { currentUser, user } = useGuestUser()
  const session = useCollabSession(collabUrl, roomId, user)
  const components = useMemo<TLComponents>(
    () => ({
      MainMenu: () => <BoardMainMenu fileName={`mockboard-${roomId}`} />,
      SharePanel: ConnectedSharePanel,
    }),
    [roomId]
  )
  const [editor, setEditor] = useState<Editor | null>(null)
  const readOnly = session.problem !== null
  // A board upgraded by a newer release (even while open) must not be edited here.
  useEffect(() => {
    if (editor && readOnly) editor.updateInstanceState({ isReadonly: true })
  }, [editor, readOnly])

  if (!session.store) {
    return (
      <div className={styles.loading} data-testid="board-loading">
        <p>{session.connection === 'offline' ? 'Cannot reach the server. Retrying…' : 'Opening the board…'}</p>
      </div>
    )
  }
  return (
    <div className={styles.board}>
      <ConnectionContext.Provider value={session.connection}>
        <Tldraw
          store={session.store}
          user={currentUser}
          assetUrls={assetUrls}
          components={components}
          licenseKey={process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY}
          onMount={setEditor}
        />
      </ConnectionContext.Provider>
      {session.problem && <SchemaProblemBanner problem={session.problem} />}
    </div>
  )
}
