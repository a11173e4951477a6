import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { z } from 'zod'
import { ReplayLoader } from '@/components/replay/ReplayLoader'
import { sessionPageParamsSchema } from '@/lib/room/roomPageParams'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { RoomClosed } from '@/components/pages/RoomClosed'

export const metadata: Metadata = { title: 'Replay · Mockboard' }

const moment = z.coerce.number().int().min(0).optional().catch(undefined)

/**
 * The replay of one session, on its own range (its start to its end), for
 * the board's members. `?at=` (server ms) or `?clock=` (session clock ms) opens at a moment.
 */
export default async function SessionReplayPage({
  params,
  searchParams,
}: {
  params: Promise<{ roomId: string; sessionId: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const parsed = sessionPageParamsSchema.safeParse(await params)
  if (!parsed.success) notFound()
  const { roomId, sessionId } = parsed.data
  const actor = await currentActor()
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/r/${roomId}/s/${sessionId}/replay`)}`)
  if (!(await appContext().access.roleOf(roomId, actor.userId))) {
    return <RoomClosed reason={(await appContext().access.roomExists(roomId)) ? 'not-member' : 'missing'} />
  }
  const query = await searchParams
  return (
    <ReplayLoader
      roomId={roomId}
      sessionId={sessionId}
      at={moment.parse(query.at) ?? null}
      clock={moment.parse(query.clock) ?? null}
    />
  )
}
