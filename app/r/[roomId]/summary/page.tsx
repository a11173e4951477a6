import { notFound, redirect } from 'next/navigation'
import { roomIdSchema } from '@/lib/room/roomId'
import { isRoomRequestError } from '@/server/access/RoomRequestError'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { RoomClosed } from '@/components/pages/RoomClosed'
import styles from '../../../home.module.css'

/** The board's newest session's summary (links from before sessions had their own pages land here). */
export default async function LatestSummaryPage({ params }: { params: Promise<{ roomId: string }> }) {
  const parsed = roomIdSchema.safeParse((await params).roomId)
  if (!parsed.success) notFound()
  const roomId = parsed.data
  const actor = await currentActor()
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/r/${roomId}/summary`)}`)
  let sessionId: string | null = null
  try {
    sessionId = (await appContext().sessions.listForRoom(roomId, actor))[0]?.sessionId ?? null
  } catch (error) {
    if (!isRoomRequestError(error)) throw error
    return <RoomClosed reason={(await appContext().access.roomExists(roomId)) ? 'not-member' : 'missing'} />
  }
  if (sessionId) redirect(`/r/${roomId}/s/${sessionId}/summary`)
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>No session yet</h1>
      <p className={styles.lead} data-testid="no-session">
        No session was started on this board. <a href={`/r/${roomId}`}>Open the board</a> to start one.
      </p>
    </main>
  )
}
