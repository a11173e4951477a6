import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { SessionSummary } from '@/components/summary/SessionSummary'
import type { ChecklistRow } from '@/components/summary/ChecklistSection'
import type { Actor } from '@/lib/access/actor'
import type { Problem } from '@/lib/problems/problemSchema'
import { extractBoardGraph, kindsOnBoard } from '@/lib/review/boardGraph'
import { reviewBoard } from '@/lib/review/reviewBoard'
import { sessionPageParamsSchema } from '@/lib/room/roomPageParams'
import { isRoomRequestError } from '@/server/access/RoomRequestError'
import { appContext } from '@/server/appContext'
import { guardRoomPage, roomClosedReason } from '@/server/http/roomPageGuard'
import { RoomClosed } from '@/components/pages/RoomClosed'

export const metadata: Metadata = { title: 'Session summary · Mockboard' }

/** One session's summary: scores, time per phase, notes and the board as the session left it, cut to the viewer. */
export default async function SummaryPage({ params }: { params: Promise<{ roomId: string; sessionId: string }> }) {
  const room = await guardRoomPage(
    await params,
    sessionPageParamsSchema,
    ({ roomId, sessionId }) => `/r/${roomId}/s/${sessionId}/summary`
  )
  if (!room.open) return <RoomClosed reason={room.reason} />
  const { roomId, sessionId } = room.params
  const data = await load(roomId, sessionId, room.actor)
  // 404, shown by the session pages' not-found (`../not-found.tsx`): no such session, with the way back to the board.
  if (data === 'not-found') notFound()
  if (!data) return <RoomClosed reason={await roomClosedReason(roomId)} />
  const { view, board, now } = data
  const session = view.session!
  const full =
    view.problem && 'checklist' in view.problem && view.problem.checklist.length ? (view.problem as Problem) : null
  // The review and the checklist are the interviewer's (a solo user is their own): a candidate never gets them.
  const interviewer = view.role === 'interviewer'
  const graph = board ? extractBoardGraph(Object.values(board.store)) : null
  const findings = interviewer && graph ? reviewBoard({ graph, problem: view.problem }) : null
  const ticks = view.sheets.find((s) => s.mine)?.sheet.ticks ?? []
  const present = graph ? kindsOnBoard(graph) : new Set<string>()
  const checklist: ChecklistRow[] | null =
    interviewer && full
      ? full.checklist.map(({ item, kinds }) =>
          kinds.length
            ? { item, covered: kinds.some((k) => present.has(k)), by: 'board' }
            : { item, covered: ticks.includes(item), by: 'hand' }
        )
      : null
  return (
    <SessionSummary
      roomId={roomId}
      view={{ ...view, session }}
      board={board}
      now={now}
      findings={findings}
      checklist={checklist}
    />
  )
}

/** The session as the actor may see it, its board and the server time it was read at, null when refused (removed meanwhile), 'not-found' for no such session. */
async function load(roomId: string, sessionId: string, actor: Actor) {
  const { sessions, boards } = appContext()
  try {
    const view = await sessions.view(roomId, actor, sessionId)
    if (!view.session) return 'not-found' as const
    const board = await boards.snapshot(roomId, actor, view.session.boardSeqEnd)
    return { view, board, now: Date.now() }
  } catch (error) {
    if (isRoomRequestError(error)) return error.status === 404 ? ('not-found' as const) : null
    throw error
  }
}
