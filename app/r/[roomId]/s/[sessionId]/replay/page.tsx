import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ReplayLoader } from '@/components/replay/ReplayLoader'
import { RoomClosed } from '@/components/pages/RoomClosed'
import { replayMoment } from '@/lib/replay/replayMoment'
import { sessionPageParamsSchema } from '@/lib/room/roomPageParams'
import { guardRoomPage } from '@/server/http/roomPageGuard'
import { appContext } from '@/server/appContext'

export const metadata: Metadata = { title: 'Replay · Mockboard' }

/**
 * The replay of one session, on its own range (its start to its end), for
 * the board's members. `?at=` (server ms) or `?clock=` (session clock ms) opens at a moment.
 * A session the board does not have answers 404.
 */
export default async function SessionReplayPage({
  params,
  searchParams,
}: {
  params: Promise<{ roomId: string; sessionId: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const room = await guardRoomPage(
    await params,
    sessionPageParamsSchema,
    ({ roomId, sessionId }) => `/r/${roomId}/s/${sessionId}/replay`
  )
  if (!room.open) return <RoomClosed reason={room.reason} />
  // No such session: 404, with the session pages' not-found (`../not-found.tsx`), as its summary answers.
  if (!(await appContext().replay.hasSession(room.params.roomId, room.params.sessionId))) notFound()
  const query = await searchParams
  return (
    <ReplayLoader
      roomId={room.params.roomId}
      sessionId={room.params.sessionId}
      at={replayMoment(query.at)}
      clock={replayMoment(query.clock)}
    />
  )
}
