'use client'

import dynamic from 'next/dynamic'

// tldraw touches the DOM on import: the replay renders in the browser only.
const ReplayScreen = dynamic(() => import('./ReplayScreen'), { ssr: false })

/** Client entry of the replay page. */
export function ReplayLoader(props: {
  roomId: string
  sessionId: string | null
  at: number | null
  clock: number | null
}) {
  return <ReplayScreen {...props} />
}
