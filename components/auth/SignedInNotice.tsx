import Link from 'next/link'
import type { SignedInAccount } from './accountKind'
import styles from './auth.module.css'

/**
 * Above the sign-in form when someone is already signed in: who, a way back
 * to their boards, and what signing in again would do to this account.
 */
export function SignedInNotice({ account }: { account: SignedInAccount }) {
  return (
    <section className={styles.notice} aria-label="Already signed in" data-testid="signed-in-notice">
      <p>
        You are signed in as <strong>{account.name}</strong>
        {account.guest ? ' (guest)' : ''}.{' '}
        <Link href="/" data-testid="signed-in-boards">
          Go to my boards
        </Link>
      </p>
      <p>
        {account.guest
          ? 'Signing in below replaces this guest account: a new guest is a new, separate account without its boards, and you cannot come back to this one.'
          : 'Signing in as a guest starts a new, separate account without your boards; sign in the way you did before to come back to this one.'}
      </p>
    </section>
  )
}
