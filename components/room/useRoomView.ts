'use client'

import { useCallback, useEffect, useState } from 'react'
import type { Role } from '@/lib/access/roles'

/** A member as `/api/rooms/<id>` lists them. */
export interface MemberView {
  userId: string
  name: string
  role: Role
}

/** The room as the API shows it to a member. */
export interface RoomViewData {
  /** The board's name. */
  name: string
  isOwner: boolean
  me: MemberView
  members: MemberView[]
  invites: Record<Role, string> | null
}

/** Loads the room view; `reload` after changes (and whenever `version` changes, e.g. on a role change). */
export function useRoomView(roomId: string, version: unknown) {
  const [view, setView] = useState<RoomViewData | null>(null)
  const reload = useCallback(async () => {
    const loaded = await fetchRoomView(roomId)
    if (loaded) setView(loaded)
  }, [roomId])
  useEffect(() => {
    void fetchRoomView(roomId).then((loaded) => loaded && setView(loaded))
  }, [roomId, version])
  return { view, reload }
}

/** The room view from the API, null when refused. */
export async function fetchRoomView(roomId: string): Promise<RoomViewData | null> {
  const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}`, { cache: 'no-store' })
  return response.ok ? ((await response.json()) as RoomViewData) : null
}
