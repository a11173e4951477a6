import Link from 'next/link'
import { PageNotice } from './PageNotice'
import { noticeActions } from './noticeActions'

/**
 * The page for a summary or replay link to a session the board does not have
 * (mistyped, or the session was deleted): says so, and leads back to the
 * board and to My boards.
 */
export function SessionNotFound({ roomId }: { roomId: string }) {
  return (
    <PageNotice
      title="No such session on this board"
      testId="session-not-found"
      actions={
        <>
          <Link className={noticeActions.primary} href={`/r/${roomId}`}>
            Back to the board
          </Link>
          <Link className={noticeActions.secondary} href="/">
            Go to my boards
          </Link>
        </>
      }
    >
      This board has no session at this address: the link may be mistyped, or the session was deleted.
    </PageNotice>
  )
}
