import Link from 'next/link'
import { PageNotice } from './PageNotice'
import { noticeActions } from './noticeActions'
import type { RoomClosedReason } from '@/lib/room/roomPageParams'

const TEXT: Record<RoomClosedReason, { title: string; lead: string }> = {
  missing: {
    title: 'No such board',
    lead: 'This board does not exist, or its owner deleted it. Check the link, or start a board of your own.',
  },
  'not-member': {
    title: 'Ask for an invite',
    lead: 'You are signed in, but not a member of this board. Open the invite link the interviewer sent you.',
  },
}

/**
 * The page shown instead of a board, summary or replay the viewer cannot
 * open: says why, and always offers the way home.
 */
export function RoomClosed({ reason, name }: { reason: RoomClosedReason; name?: string }) {
  const text = TEXT[reason]
  const named = name && reason === 'not-member'
  return (
    <PageNotice
      title={text.title}
      testId={`room-closed-${reason}`}
      actions={
        <Link className={noticeActions.primary} href="/">
          Go to my boards
        </Link>
      }
    >
      {named ? `You are signed in as ${name}, but not a member of this board. ` : ''}
      {named ? 'Open the invite link the interviewer sent you.' : text.lead}
    </PageNotice>
  )
}
