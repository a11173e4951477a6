import { notFound, redirect } from 'next/navigation'
import { BoardScreen } from '@/components/board/BoardScreen'
import { roomIdSchema } from '@/lib/room/roomId'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { RoomClosed } from '@/components/pages/RoomClosed'

/** The live board of one room, for its members. */
export default async function RoomPage({ params }: { params: Promise<{ roomId: string }> }) {
  const parsed = roomIdSchema.safeParse((await params).roomId)
  if (!parsed.success) notFound()
  const roomId = parsed.data
  const actor = await currentActor()
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/r/${roomId}`)}`)
  const role = await appContext().access.roleOf(roomId, actor.userId)
  if (!role) {
    return (
      <RoomClosed
        reason={(await appContext().access.roomExists(roomId)) ? 'not-member' : 'missing'}
        name={actor.name}
      />
    )
  }
  // Read at request time, so one build serves any deployment.
  const collabUrl = process.env.COLLAB_URL ?? ''
  return <BoardScreen roomId={roomId} collabUrl={collabUrl} user={actor} />
}
