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
  isOwner: boolean
  me: MemberView
  members: MemberView[]
  invites: Record<Role, string> | null
}

/** Loads the room view; `reload` after changes (and whenever `version` changes, e.g. on a role change). */
export function useRoomView(roomId: string, version: unknown) {
  const [view, setView] = useState<RoomViewData | null>(null)
  const reload = useCallback(async () => {
    const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}`, { cache: 'no-store' })
    if (response.ok) setView((await response.json()) as RoomViewData)
  }, [roomId])
  useEffect(() => {
    void reload()
  }, [reload, version])
  return { view, reload }
}
