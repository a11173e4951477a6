import Link from 'next/link'
import { PageNotice } from '@/components/pages/PageNotice'
import { noticeActions } from '@/components/pages/noticeActions'

/** The replay of a board whose log holds nothing yet: nothing to play, and the way back to draw. */
export function ReplayEmpty({ roomId }: { roomId: string }) {
  return (
    <PageNotice
      title="Nothing to replay yet"
      testId="replay-empty"
      actions={
        <Link className={noticeActions.primary} href={`/r/${roomId}`}>
          Back to the board
        </Link>
      }
    >
      Nothing was drawn on this board yet. The replay shows every edit once there are some.
    </PageNotice>
  )
}
