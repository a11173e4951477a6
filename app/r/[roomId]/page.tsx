import type { Metadata } from 'next'
import { currentActor } from '@/server/auth/session'
import { BoardScreen } from '@/components/board/BoardScreen'
import { RoomClosed } from '@/components/pages/RoomClosed'
import { roomPageParamsSchema } from '@/lib/room/roomPageParams'
import { guardRoomPage } from '@/server/http/roomPageGuard'
import { issueTicket } from '@/server/access/issueTicket'
import { isRoomRequestError } from '@/server/access/RoomRequestError'
import { appContext } from '@/server/appContext'

/**
 * The tab's title: the board's name, for members only (a title must not tell
 * a non-member what a board is called); others get the layout's default.
 */
export async function generateMetadata({ params }: { params: Promise<{ roomId: string }> }): Promise<Metadata> {
  const parsed = roomPageParamsSchema.safeParse(await params)
  const actor = parsed.success ? await currentActor() : null
  if (!parsed.success || !actor) return {}
  const name = await appContext().access.nameFor(parsed.data.roomId, actor.userId)
  return name === null ? {} : { title: `${name} · Mockboard` }
}

/** The live board of one room, for its members. */
export default async function RoomPage({ params }: { params: Promise<{ roomId: string }> }) {
  const room = await guardRoomPage(await params, roomPageParamsSchema, ({ roomId }) => `/r/${roomId}`)
  if (!room.open) return <RoomClosed reason={room.reason} name={room.actor.name} />
  // Read at request time, so one build serves any deployment.
  const collabUrl = process.env.COLLAB_URL ?? ''
  // The first connects' tickets come with the page (one round trip less before the board shows). Null if the
  // role changed since the guard: the client then asks the token route, which says why.
  const { roomId } = room.params
  // The board loads into memory (from storage, if nobody has it open) while the browser loads the page's scripts.
  appContext().boards.warmLive(roomId)
  const tickets = await issueTicket(roomId, room.actor, ['board', 'session']).then(
    (ticket) => ({ board: ticket, session: ticket }),
    (error: unknown) => {
      if (isRoomRequestError(error)) return null
      throw error
    }
  )
  return <BoardScreen roomId={roomId} collabUrl={collabUrl} user={room.actor} tickets={tickets} />
}
