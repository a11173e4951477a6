'use client'

import { useEffect, useMemo, useRef } from 'react'
import type * as Y from 'yjs'
import { Tldraw, createTLStore, type TLInstancePresence, type TLUserId } from 'tldraw'
import { getAssetUrlsByMetaUrl } from '@tldraw/assets/urls'
import 'tldraw/tldraw.css'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { StoreYjsBinding } from '@/lib/binding/StoreYjsBinding'
import { fromWirePresence } from '@/lib/presence/presenceWire'
import type { PresenceTrack } from '@/lib/replay/PresenceTrack'
import type { ReplayTimeline } from '@/lib/replay/ReplayTimeline'
import { boardShapeUtils } from '../board/boardShapeUtils'

const assetUrls = getAssetUrlsByMetaUrl()

/**
 * A read-only tldraw canvas showing the board at `position` (server time).
 * The store is fed only through the binding's `mergeRemoteChanges` from the
 * replay's own Yjs doc, which has no provider: nothing here can write back to
 * the room. Recorded cursors become presence records, drawn as live ones are.
 */
export function ReplayCanvas({
  timeline,
  track,
  position,
}: {
  timeline: ReplayTimeline
  track: PresenceTrack
  position: number
}) {
  const store = useMemo(() => createTLStore({ schema: createBoardSchema(), shapeUtils: boardShapeUtils }), [])
  const bound = useRef<{ doc: Y.Doc; binding: StoreYjsBinding } | null>(null)

  useEffect(() => {
    const doc = timeline.seek(position)
    if (bound.current?.doc !== doc) {
      bound.current?.binding.dispose()
      const binding = new StoreYjsBinding(store, doc)
      binding.attach()
      bound.current = { doc, binding }
    }
    showCursors(store, track, position)
  }, [store, timeline, track, position])
  useEffect(() => () => bound.current?.binding.dispose(), [])

  return (
    <Tldraw
      store={store}
      shapeUtils={boardShapeUtils}
      assetUrls={assetUrls}
      licenseKey={process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY}
      onMount={(editor) => {
        editor.updateInstanceState({ isReadonly: true })
        editor.setCurrentTool('hand')
        editor.zoomToFit()
      }}
    />
  )
}

function showCursors(store: ReturnType<typeof createTLStore>, track: PresenceTrack, position: number) {
  const look = (userId: TLUserId) => {
    const user = store.get(userId)
    return user && user.typeName === 'user' ? { name: user.name, color: user.color } : null
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
