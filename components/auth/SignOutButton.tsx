'use client'

import { useState } from 'react'
import { getSession, signOut } from 'next-auth/react'
import { GUEST_LOSS_WARNING, signedInAccount, type SignedInAccount } from './accountKind'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import styles from './auth.module.css'

const signOutHome = () => signOut({ callbackUrl: '/' })

/**
 * Who is signed in, from the session next-auth serves the browser (the
 * session callback puts the user id there), or null when it cannot tell.
 */
async function currentAccount(): Promise<SignedInAccount | null> {
  const user = (await getSession().catch(() => null))?.user as { id?: unknown; name?: string | null } | undefined
  return typeof user?.id === 'string' ? signedInAccount({ userId: user.id, name: user.name ?? 'Guest' }) : null
}

/**
 * Signs out and returns home. A guest is asked first, in the app's
 * confirmation dialog, because a guest can never sign back in to the same
 * account; an OAuth account signs out at once (signing in again restores it).
 * It asks the session who is signed in on click, since the pages that show
 * it pass nothing; when that fails it asks too (the safe side).
 */
export function SignOutButton() {
  const [busy, setBusy] = useState(false)
  const [asking, setAsking] = useState<SignedInAccount | null>(null)
  const start = async () => {
    setBusy(true)
    const account = await currentAccount()
    setBusy(false)
    if (account && !account.guest) void signOutHome()
    else setAsking(account ?? { name: '', guest: true })
  }
  return (
    <>
      <button
        type="button"
        className={styles.linkButton}
        // Not disabled while it asks: a disabled button drops focus, and the dialog returns focus to it on Cancel.
        onClick={() => !busy && void start()}
        aria-busy={busy}
        data-testid="sign-out"
      >
        Sign out
      </button>
      <ConfirmDialog
        open={asking !== null}
        onOpenChange={(open) => !open && setAsking(null)}
        title={asking?.name ? `Sign out of the guest account “${asking.name}”?` : 'Sign out of this guest account?'}
        description={GUEST_LOSS_WARNING}
        confirmLabel="Sign out for good"
        onConfirm={() => void signOutHome()}
      />
    </>
  )
}
