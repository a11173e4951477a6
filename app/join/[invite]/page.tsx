import Link from 'next/link'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import type { Role } from '@/lib/access/roles'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { joinRoom } from './actions'
import { inviteTokenSchema } from './inviteToken'
import styles from '../../home.module.css'

// Not "Join <owner>'s board": the owner's name takes the page's own invite lookups again, which metadata cannot share.
export const metadata: Metadata = { title: 'Join a board · Mockboard' }

const ROLE_NAMES: Record<Role, string> = {
  candidate: 'candidate',
  observer: 'observer (read-only)',
  interviewer: 'co-interviewer',
}

/**
 * An invite link. Opening it changes nothing (a GET must not: an `<img>` on
 * another page could open it): it signs you in if need be, then shows whose
 * board it is and the role it grants, and the "Join" button posts.
 */
export default async function JoinPage({ params }: { params: Promise<{ invite: string }> }) {
  const invite = inviteTokenSchema.safeParse((await params).invite)
  const actor = await currentActor()
  // A revoked link says so before asking anyone for their name.
  const current = invite.success && (await appContext().access.inviteIsCurrent(invite.data))
  if (current && !actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/join/${invite.data}`)}`)
  const offer = current && actor ? await appContext().access.previewInvite(invite.data, actor) : null
  if (!invite.success || !offer) {
    return (
      <main className={styles.main}>
        <h1 className={styles.title}>Cannot join</h1>
        <p className={styles.lead}>
          {invite.success
            ? 'This invite link was revoked or never existed. Ask the interviewer for a new one.'
            : 'This invite link is not valid.'}
        </p>
        <Link className={styles.primary} href="/">
          Go home
        </Link>
      </main>
    )
  }
  const board = offer.ownerName ? `${offer.ownerName}’s board` : 'a board'
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Join {board}</h1>
      <p className={styles.lead} data-testid="join-offer">
        {offer.currentRole ? (
          <>
            You are already on this board as <strong>{ROLE_NAMES[offer.currentRole]}</strong>.
          </>
        ) : (
          <>
            You are invited as <strong data-testid="join-role">{ROLE_NAMES[offer.role]}</strong>. You are signed in as{' '}
            {actor!.name}.
          </>
        )}
      </p>
      <form action={joinRoom}>
        <input type="hidden" name="invite" value={invite.data} />
        <button type="submit" className={styles.primary} data-testid="join-button">
          {offer.currentRole ? 'Open the board' : 'Join'}
        </button>
      </form>
    </main>
  )
}
