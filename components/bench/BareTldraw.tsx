'use client'

import { Tldraw, type Editor, type TLRecord } from 'tldraw'
import { getAssetUrlsByMetaUrl } from '@tldraw/assets/urls'
import 'tldraw/tldraw.css'
import { boardShapeTypes } from '../board/boardShapeUtils'

const assetUrls = getAssetUrlsByMetaUrl()

declare global {
  interface Window {
    /** The records the benchmark put in the page before it loaded. */
    __benchRecords?: TLRecord[]
  }
}

/** Puts the benchmark's records (shapes and bindings) in the store when tldraw mounts. */
function putBenchRecords(editor: Editor) {
  editor.store.put(window.__benchRecords ?? [])
}

/**
 * tldraw with nothing of the app but its block shape (so the board's records
 * render): what any app on tldraw pays to show the same records.
 */
export default function BareTldraw() {
  return (
    <div style={{ position: 'fixed', inset: 0 }}>
      <Tldraw
        assetUrls={assetUrls}
        shapeUtils={boardShapeTypes}
        licenseKey={process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY}
        onMount={putBenchRecords}
      />
    </div>
  )
}
