'use client'

import dynamic from 'next/dynamic'

// Loaded the way the board loads CollabBoard (BoardScreen), so both pay the same.
const BareTldraw = dynamic(() => import('./BareTldraw'), { ssr: false })

/** The bare-tldraw benchmark page's client part. */
export function BareTldrawScreen() {
  return <BareTldraw />
}
