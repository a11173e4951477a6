import { BoardScreen } from '@/components/board/BoardScreen'
import { RoomClosed } from '@/components/pages/RoomClosed'
import { roomPageParamsSchema } from '@/lib/room/roomPageParams'
import { guardRoomPage } from '@/server/http/roomPageGuard'

/** The live board of one room, for its members. */
export default async function RoomPage({ params }: { params: Promise<{ roomId: string }> }) {
  const room = await guardRoomPage(await params, roomPageParamsSchema, ({ roomId }) => `/r/${roomId}`)
  if (!room.open) return <RoomClosed reason={room.reason} name={room.actor.name} />
  // Read at request time, so one build serves any deployment.
  const collabUrl = process.env.COLLAB_URL ?? ''
  return <BoardScreen roomId={room.params.roomId} collabUrl={collabUrl} user={room.actor} />
}
