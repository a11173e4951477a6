'use client'

import { useEffect, useState } from 'react'
import { CallMesh, type CallView } from '@/lib/call/CallMesh'
import { fetchTicket } from '../board/fetchTicket'

/**
 * This browser in the room's audio call while `joined`: a {@link CallMesh}
 * made on joining and left (every connection and the microphone closed) on
 * leaving or unmounting.
 */
export function useCall(
  collabUrl: string,
  roomId: string,
  joined: boolean
): { view: CallView | null; mesh: CallMesh | null } {
  const [state, setState] = useState<{ view: CallView | null; mesh: CallMesh | null }>({ view: null, mesh: null })
  useEffect(() => {
    if (!joined) return
    const mesh: CallMesh = new CallMesh({
      collabUrl,
      roomId,
      fetchTicket: () => fetchTicket(roomId),
      onChange: (view) => setState({ view, mesh }),
    })
    return () => {
      mesh.leave()
      setState({ view: null, mesh: null })
    }
  }, [collabUrl, roomId, joined])
  return state
}
