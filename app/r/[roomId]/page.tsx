import { notFound, redirect } from 'next/navigation'
import { BoardScreen } from '@/components/board/BoardScreen'
import { roomIdSchema } from '@/lib/room/roomId'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import styles from '../../home.module.css'

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
      <main className={styles.main}>
        <h1 className={styles.title}>Ask for an invite</h1>
        <p className={styles.lead}>
          You are signed in as {actor.name}, but not a member of this board. Open the invite link the interviewer sent
          you.
        </p>
      </main>
    )
  }
  // Read at request time, so one build serves any deployment.
  const collabUrl = process.env.COLLAB_URL ?? ''
  return <BoardScreen roomId={roomId} collabUrl={collabUrl} user={actor} />
}
