'use client'

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Tldraw, createTLStore, type Editor, type TLInstancePresence, type TLUserId } from 'tldraw'
import { getAssetUrlsByMetaUrl } from '@tldraw/assets/urls'
import 'tldraw/tldraw.css'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { fromWirePresence } from '@/lib/presence/presenceWire'
import type { PresenceTrack } from '@/lib/replay/PresenceTrack'
import type { BoardState, ReplayTimeline } from '@/lib/replay/ReplayTimeline'
import { showBoardState, type ShownRecords } from '@/lib/replay/showBoardState'
import { colorFor } from '@/lib/presence/participantColor'
import { tldrawUserId } from '../board/userLook'
import { boardShapeUtils } from '../board/boardShapeUtils'
import { boardTldrawOptions } from '../board/labels/boardTldrawOptions'
import { useViewerUser } from '../board/useBoardUser'
import { useAppTheme } from '../board/useAppTheme'

const assetUrls = getAssetUrlsByMetaUrl()

/**
 * A read-only tldraw canvas showing the board at `position` (server time).
 * The store is fed only through `mergeRemoteChanges` with the timeline's
 * records ({@link showBoardState}: just the records that differ from what it
 * shows), which come from a local doc with no provider: nothing here can
 * write back to the room. Recorded cursors become presence records, drawn as
 * live ones are.
 */
export function ReplayCanvas({
  timeline,
  track,
  position,
  loaded,
  members = NO_MEMBERS,
}: {
  timeline: ReplayTimeline
  track: PresenceTrack
  position: number
  /** The whole log is in: the camera can fit the final board. */
  loaded: boolean
  /** The people of the replay (named as they were in the session), for cursors with no user record on the board. */
  members?: readonly { userId: string; name: string }[]
}) {
  const store = useMemo(() => createTLStore({ schema: createBoardSchema(), shapeUtils: boardShapeUtils }), [])
  const shown = useRef<ShownRecords | null>(null)
  const [editor, setEditor] = useState<Editor | null>(null)
  const fitted = useRef(false)

  /** Shows the board of one moment in the store (only what differs from the moment shown). */
  const show = useCallback(
    (state: BoardState) => {
      shown.current = showBoardState(store, state, shown.current)
    },
    [store]
  )

  useEffect(() => {
    show(timeline.seek(position))
    showCursors(store, track, position, members)
  }, [store, timeline, track, position, show, members])

  // Once everything is loaded, fit the camera to the final board, so whatever
  // appears during playback is in view; then go back to where we were.
  useEffect(() => {
    if (!loaded || !editor || fitted.current) return
    fitted.current = true
    show(timeline.seekCount(timeline.length))
    editor.zoomToFit()
    // A small board should not be blown up past 100%.
    if (editor.getZoomLevel() > 1) editor.resetZoom(editor.getViewportScreenCenter())
    show(timeline.seek(position))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, editor])
  const viewer = useViewerUser()
  useAppTheme(editor)

  return (
    <Tldraw
      store={store}
      user={viewer}
      shapeUtils={boardShapeUtils}
      options={boardTldrawOptions}
      assetUrls={assetUrls}
      licenseKey={process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY}
      onMount={(mounted) => {
        mounted.updateInstanceState({ isReadonly: true })
        mounted.setCurrentTool('hand')
        setEditor(mounted)
      }}
    />
  )
}

const NO_MEMBERS: readonly { userId: string; name: string }[] = []

function showCursors(
  store: ReturnType<typeof createTLStore>,
  track: PresenceTrack,
  position: number,
  members: readonly { userId: string; name: string }[]
) {
  // The board's user record when there is one (a name or colour the person chose), else the member's name.
  const look = (userId: TLUserId) => {
    const user = store.get(userId)
    if (user && user.typeName === 'user') return { name: user.name, color: user.color }
    const member = members.find((m) => tldrawUserId(m.userId) === userId)
    return member ? { name: member.name, color: colorFor(member.userId) } : null
  }
  const now = Date.now()
  const records = track
    .at(position)
    .map(({ client, state }) => fromWirePresence(client, state, now, look))
    .filter((r): r is TLInstancePresence => r !== null)
  const keep = new Set(records.map((r) => r.id))
  const stale = store.query
    .records('instance_presence')
    .get()
    .filter((r) => !keep.has(r.id))
    .map((r) => r.id)
  store.mergeRemoteChanges(() => {
    if (stale.length) store.remove(stale)
    if (records.length) store.put(records)
  })
}
