import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { z } from 'zod'
import { ReplayLoader } from '@/components/replay/ReplayLoader'
import { roomIdSchema } from '@/lib/room/roomId'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { RoomClosed } from '@/components/pages/RoomClosed'

export const metadata: Metadata = { title: 'Replay · Mockboard' }

const moment = z.coerce.number().int().min(0).optional().catch(undefined)

/** The replay of a board's whole life (every session; each session has its own at `/r/<room>/s/<id>/replay`), for its members. `?at=` (server ms) or `?clock=` (session clock ms) opens at a moment. */
export default async function ReplayPage({
  params,
  searchParams,
}: {
  params: Promise<{ roomId: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const parsed = roomIdSchema.safeParse((await params).roomId)
  if (!parsed.success) notFound()
  const roomId = parsed.data
  const actor = await currentActor()
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/r/${roomId}/replay`)}`)
  if (!(await appContext().access.roleOf(roomId, actor.userId))) {
    return <RoomClosed reason={(await appContext().access.roomExists(roomId)) ? 'not-member' : 'missing'} />
  }
  const query = await searchParams
  return (
    <ReplayLoader
      roomId={roomId}
      sessionId={null}
      at={moment.parse(query.at) ?? null}
      clock={moment.parse(query.clock) ?? null}
    />
  )
}
