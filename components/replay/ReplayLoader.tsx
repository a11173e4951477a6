'use client'

import dynamic from 'next/dynamic'
import { preloadBoardFonts } from '@/components/board/preloadBoardFonts'

// tldraw touches the DOM on import: the replay renders in the browser only.
const ReplayScreen = dynamic(() => import('./ReplayScreen'), { ssr: false })

/** Client entry of the replay page. */
export function ReplayLoader(props: {
  roomId: string
  sessionId: string | null
  at: number | null
  clock: number | null
}) {
  preloadBoardFonts() // from the page's head: the replay waits for them to draw the board
  return <ReplayScreen {...props} />
}
