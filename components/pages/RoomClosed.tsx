import Link from 'next/link'
import styles from '@/app/home.module.css'
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
  return (
    <main className={styles.main} data-testid={`room-closed-${reason}`}>
      <h1 className={styles.title}>{text.title}</h1>
      <p className={styles.lead}>
        {name && reason === 'not-member' ? `You are signed in as ${name}, but not a member of this board. ` : ''}
        {name && reason === 'not-member' ? 'Open the invite link the interviewer sent you.' : text.lead}
      </p>
      <Link className={styles.primary} href="/">
        Go to my boards
      </Link>
    </main>
  )
}
