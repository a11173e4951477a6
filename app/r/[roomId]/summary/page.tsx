import { redirect } from 'next/navigation'
import { RoomClosed } from '@/components/pages/RoomClosed'
import { roomPageParamsSchema } from '@/lib/room/roomPageParams'
import { isRoomRequestError } from '@/server/access/RoomRequestError'
import { appContext } from '@/server/appContext'
import { guardRoomPage, roomClosedReason } from '@/server/http/roomPageGuard'
import styles from '../../../home.module.css'

/** The board's newest session's summary (links from before sessions had their own pages land here). */
export default async function LatestSummaryPage({ params }: { params: Promise<{ roomId: string }> }) {
  const room = await guardRoomPage(await params, roomPageParamsSchema, ({ roomId }) => `/r/${roomId}/summary`)
  if (!room.open) return <RoomClosed reason={room.reason} />
  const { roomId } = room.params
  let sessionId: string | null = null
  try {
    sessionId = (await appContext().sessions.listForRoom(roomId, room.actor))[0]?.sessionId ?? null
  } catch (error) {
    if (!isRoomRequestError(error)) throw error
    return <RoomClosed reason={await roomClosedReason(roomId)} />
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
