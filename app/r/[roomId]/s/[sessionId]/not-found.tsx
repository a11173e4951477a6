'use client'

import { useParams } from 'next/navigation'
import { PageNotFound } from '@/components/pages/PageNotFound'
import { SessionNotFound } from '@/components/pages/SessionNotFound'
import { roomIdSchema } from '@/lib/room/roomId'

/**
 * The 404 of a session's pages (summary, replay): no such session on this
 * board, or a malformed session id. A not-found page gets no props, so the
 * room comes from the URL; a malformed one (no board to lead back to) gets
 * the app's plain 404 instead.
 */
export default function SessionPageNotFound() {
  const { roomId } = useParams<{ roomId: string }>()
  return roomIdSchema.safeParse(roomId).success ? <SessionNotFound roomId={roomId} /> : <PageNotFound />
}
