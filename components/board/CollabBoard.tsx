'use client'

import Link from 'next/link'
import dynamic from 'next/dynamic'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Actor } from '@/lib/access/actor'
import { Tldraw, type Editor, type TLComponents } from 'tldraw'
import { getAssetUrlsByMetaUrl } from '@tldraw/assets/urls'
import 'tldraw/tldraw.css'
import { BoardMainMenu } from './BoardMainMenu'
import { BoardShortcutsDialog } from './BoardShortcutsDialog'
import { SharePanel } from './SharePanel'
import { BoardHeader } from './BoardHeader'
import { SkipLinks } from './SkipLinks'
import { SchemaProblemBanner } from './SchemaProblemBanner'
import { CloseNoticeBanner } from './CloseNoticeBanner'
import { useCollabSession } from './useCollabSession'
import type { PageTickets } from '@/lib/collab/TicketedConnection'
import { useBoardUser, useDistinctColor } from './useBoardUser'
import { boardShapeUtils } from './boardShapeUtils'
import { boardTldrawOptions } from './labels/boardTldrawOptions'
import { useIdleAfter } from './useIdleAfter'
import { BoardTopPanel } from './BoardTopPanel'
import { useAppTheme } from './useAppTheme'
import { useRoomSession } from '../session/useRoomSession'
import { requestedMode } from '../session/requestedMode'
import { useCanvasPatternDrop } from '../palette/paletteDrag'
import { PaletteSpace } from '../palette/PaletteSpace'
import { SessionSpace } from '../session/SessionSpace'
import { SpeakingCursor, SpeakingUsersContext } from '../call/SpeakingCursor'
import { sameSet } from '../call/useSpeaking'
import styles from './board.module.css'

// Loaded once the board is drawn, in their own chunks: none is needed to see
// and edit the board (see README, "Loading the board page"). `ssr: false`
// (the board renders in the browser only anyway) gives each its own Suspense
// boundary: without one a part suspends to the board's boundary while its
// chunk loads, which hides the whole board and takes focus from the canvas.
const PatternPalette = dynamic(() => import('../palette/PatternPalette').then((m) => m.PatternPalette), {
  ssr: false,
  loading: PaletteSpace,
})
const SessionPanel = dynamic(() => import('../session/SessionPanel').then((m) => m.SessionPanel), {
  ssr: false,
  loading: SessionSpace,
})
const EstimationCard = dynamic(() => import('../estimation/EstimationCard').then((m) => m.EstimationCard), {
  ssr: false,
})
const CanvasBlockCard = dynamic(() => import('../blocks/CanvasBlockCard').then((m) => m.CanvasBlockCard), {
  ssr: false,
})

// Fonts, icons and translations are served from our own origin: the public
// CDN is unreachable for self-hosters and leaks who opens which board.
const assetUrls = getAssetUrlsByMetaUrl()

/** Props of {@link CollabBoard}. */
export interface CollabBoardProps {
  roomId: string
  /** Base URL of the collab endpoint (`ws(s)://host/collab`). */
  collabUrl: string
  /** The signed-in user. */
  user: Actor
  /** Collab tickets rendered with the page, for the first connects (null: fetch them). */
  tickets?: PageTickets | null
}

const NOBODY: ReadonlySet<string> = new Set()

/** The live, multiplayer tldraw canvas of one room. */
export default function CollabBoard({ roomId, collabUrl, user: account, tickets = null }: CollabBoardProps) {
  const boardUser = useBoardUser(account)
  const { currentUser, user } = boardUser
  const session = useCollabSession(collabUrl, roomId, user, tickets?.board)
  useDistinctColor(session.store, boardUser)
  const components = useMemo<TLComponents>(
    () => ({
      MainMenu: () => <BoardMainMenu fileName={`mockboard-${roomId}`} />,
      KeyboardShortcutsDialog: BoardShortcutsDialog,
      SharePanel,
      TopPanel: BoardTopPanel,
      InFrontOfTheCanvas: CanvasBlockCard,
      CollaboratorCursor: SpeakingCursor,
    }),
    [roomId]
  )
  const [editor, setEditor] = useState<Editor | null>(null)
  const { mountEditor } = session
  // A big board mounts with what is in view; the rest streams in once it is drawn.
  const onMount = useCallback(
    (mounted: Editor) => {
      setEditor(mounted)
      return mountEditor(mounted)
    },
    [mountEditor]
  )
  const [speakingUsers, setSpeakingUsers] = useState<ReadonlySet<string>>(NOBODY)
  // The call reports on every change of its view; the cursors re-render only when who talks changes.
  const onSpeakingUsers = useCallback(
    (users: ReadonlySet<string>) => setSpeakingUsers((before) => (sameSet(before, users) ? before : users)),
    []
  )
  const isObserver = session.role === 'observer'
  // Observers, anyone on a board upgraded by a newer release, and everyone
  // on a full board get a read-only canvas. The server drops their writes
  // anyway; this is so the UI does not pretend otherwise. Roles can change
  // while the board is open.
  const readOnly = session.problem !== null || isObserver || session.notice?.readOnly === true
  useEffect(() => {
    if (!editor) return
    editor.updateInstanceState({ isReadonly: readOnly })
    if (isObserver) editor.setCurrentTool('hand')
  }, [editor, readOnly, isObserver])
  const dropHandlers = useCanvasPatternDrop(editor)
  useAppTheme(editor)
  const roomSession = useRoomSession(collabUrl, roomId, session.role, account, tickets?.session)
  // Before any session, a board opened for solo practice says so (the header shows no call, the badge "solo").
  const solo = (roomSession.snapshot?.config.mode ?? requestedMode()) === 'solo'
  const panels = useIdleAfter(editor !== null)
  // The interviewer may turn templates off for the candidate (a "URL shortener" template answers a URL-shortener interview).
  const templates = session.role !== 'candidate' || (roomSession.snapshot?.settings.templatesForCandidate ?? true)

  if (session.denied) {
    return (
      <div className={styles.loading} data-testid="board-denied">
        <p>
          {session.denied} <Link href="/">Go to my boards</Link>
        </p>
      </div>
    )
  }

  if (!session.store) {
    return (
      <div className={styles.loading} data-testid="board-loading">
        <p>{session.connection === 'offline' ? 'Cannot reach the server. Retrying…' : 'Opening the board…'}</p>
      </div>
    )
  }
  return (
    <div className={styles.board}>
      <SkipLinks sessionPanel={!!roomSession.role && panels} />
      {!readOnly && (panels ? <PatternPalette editor={editor} templates={templates} /> : <PaletteSpace />)}
      <div className={styles.main}>
        <BoardHeader
          roomId={roomId}
          collabUrl={collabUrl}
          session={roomSession}
          connection={session.connection}
          role={session.role}
          solo={solo}
          onSpeakingUsers={onSpeakingUsers}
        />
        <div className={styles.canvas} {...dropHandlers}>
          <SpeakingUsersContext.Provider value={speakingUsers}>
            <Tldraw
              store={session.store}
              user={currentUser}
              assetUrls={assetUrls}
              shapeUtils={boardShapeUtils}
              options={boardTldrawOptions}
              components={components}
              licenseKey={process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY}
              onMount={onMount}
            />
          </SpeakingUsersContext.Provider>
        </div>
        {panels && <EstimationCard />}
      </div>
      {/* The panel's space is held from the start (as the palette's), so the header's controls never move. */}
      {roomSession.role &&
        (panels ? <SessionPanel session={roomSession} editor={editor} roomId={roomId} /> : <SessionSpace />)}
      {session.problem && <SchemaProblemBanner problem={session.problem} />}
      {!session.problem && session.notice && (
        <CloseNoticeBanner notice={session.notice} onReconnect={session.reconnect} />
      )}
    </div>
  )
}
