import type { Metadata } from 'next'
import { ReplayLoader } from '@/components/replay/ReplayLoader'
import { RoomClosed } from '@/components/pages/RoomClosed'
import { replayMoment } from '@/lib/replay/replayMoment'
import { roomPageParamsSchema } from '@/lib/room/roomPageParams'
import { guardRoomPage } from '@/server/http/roomPageGuard'

export const metadata: Metadata = { title: 'Replay · Mockboard' }

/** The replay of a board's whole life (every session; each session has its own at `/r/<room>/s/<id>/replay`), for its members. `?at=` (server ms) or `?clock=` (session clock ms) opens at a moment. */
export default async function ReplayPage({
  params,
  searchParams,
}: {
  params: Promise<{ roomId: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const room = await guardRoomPage(await params, roomPageParamsSchema, ({ roomId }) => `/r/${roomId}/replay`)
  if (!room.open) return <RoomClosed reason={room.reason} />
  const query = await searchParams
  return (
    <ReplayLoader
      roomId={room.params.roomId}
      sessionId={null}
      at={replayMoment(query.at)}
      clock={replayMoment(query.clock)}
    />
  )
}
