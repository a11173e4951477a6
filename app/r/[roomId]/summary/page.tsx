import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { SessionSummary } from '@/components/summary/SessionSummary'
import type { Actor } from '@/lib/access/actor'
import { roomIdSchema } from '@/lib/room/roomId'
import { extractBoardGraph } from '@/lib/review/boardGraph'
import { reviewBoard } from '@/lib/review/reviewBoard'
import { isAccessError } from '@/server/access/RoomAccess'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import styles from '../../../home.module.css'

export const metadata: Metadata = { title: 'Session summary · Mockboard' }

/** The summary of a room's session: scores, time per phase, notes and the board, cut to the viewer's role. */
export default async function SummaryPage({ params }: { params: Promise<{ roomId: string }> }) {
  const parsed = roomIdSchema.safeParse((await params).roomId)
  if (!parsed.success) notFound()
  const roomId = parsed.data
  const actor = await currentActor()
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/r/${roomId}/summary`)}`)
  const data = await load(roomId, actor)
  if (!data) {
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
  // Read after the request's data, so a session still running counts up to now.
  // The review is the interviewer's (a solo user is their own): a candidate never gets it.
  const findings =
    data.view.role === 'interviewer' && data.board
      ? reviewBoard({ graph: extractBoardGraph(Object.values(data.board.store)), problem: data.view.problem })
      : null
  return <SessionSummary roomId={roomId} view={data.view} board={data.board} now={Date.now()} findings={findings} />
}

/** The session as the actor may see it and the board, or null when they are not a member (or no such room). */
async function load(roomId: string, actor: Actor) {
  const { sessions } = appContext()
  try {
    // Both check membership; the view already cuts the rubric to the actor's role.
    const [view, board] = await Promise.all([sessions.view(roomId, actor), sessions.boardSnapshot(roomId, actor)])
    return { view, board }
  } catch (error) {
    if (isAccessError(error)) return null
    throw error
  }
}
