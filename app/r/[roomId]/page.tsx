import { notFound } from 'next/navigation'
import { BoardScreen } from '@/components/board/BoardScreen'
import { roomIdSchema } from '@/lib/room/roomId'

/** The live board of one room. */
export default async function RoomPage({ params }: { params: Promise<{ roomId: string }> }) {
  const parsed = roomIdSchema.safeParse((await params).roomId)
  if (!parsed.success) notFound()
  // Read at request time, so one build serves any deployment.
  const collabUrl = process.env.COLLAB_URL ?? ''
  return <BoardScreen roomId={parsed.data} collabUrl={collabUrl} />
}
