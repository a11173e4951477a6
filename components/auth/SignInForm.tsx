'use client'

import { useState, useSyncExternalStore, type FormEvent } from 'react'
import { signIn } from 'next-auth/react'
import { GUEST_LOSS_WARNING, type SignedInAccount } from './accountKind'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import styles from './auth.module.css'

/** A sign-in waiting for the user to confirm leaving their guest account. */
interface PendingSignIn {
  /** The confirming button's text, naming the way in ("Continue as a new guest"). */
  label: string
  run: () => void
}

/**
 * Guest sign-in with a display name, plus OAuth buttons for the providers the
 * server enables. When a guest is already signed in, every way in asks first:
 * it replaces the guest, who can never sign back in. An OAuth user is not
 * asked (they can sign in again the same way); the page's notice says so.
 */
export function SignInForm({
  callbackUrl,
  providers,
  signedIn = null,
}: {
  callbackUrl: string
  providers: { github: boolean; google: boolean }
  /** Who is signed in already, if anyone. */
  signedIn?: SignedInAccount | null
}) {
  const hydrated = useHydrated()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [pending, setPending] = useState<PendingSignIn | null>(null)

  const confirmingIfGuest = (label: string, run: () => void) => {
    if (signedIn?.guest) setPending({ label, run })
    else run()
  }

  const guestLabel = signedIn ? 'Continue as a new guest' : 'Continue as guest'

  const onGuestSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const name = String(new FormData(event.currentTarget).get('name') ?? '')
    confirmingIfGuest(guestLabel, () => void signInAsGuest(name))
  }

  const signInAsGuest = async (name: string) => {
    setBusy(true)
    setError(null)
    const result = await signIn('guest', { name, redirect: false, callbackUrl })
    if (result?.ok) {
      window.location.assign(callbackUrl)
      return
    }
    setBusy(false)
    // next-auth passes the provider's own message through (e.g. the sign-in quota); its generic code means a bad name.
    setError(
      result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Enter a name of 1 to 40 characters.'
    )
  }

  return (
    <div className={styles.panel}>
      <form onSubmit={onGuestSubmit} className={styles.form}>
        <label htmlFor="guest-name">Your name, as others will see it</label>
        <input
          id="guest-name"
          name="name"
          // Uncontrolled: a name typed before the page's script has loaded is kept, not reset by hydration.
          maxLength={40}
          required
          autoFocus
          data-testid="guest-name"
        />
        <button type="submit" disabled={busy || !hydrated} data-testid="guest-sign-in">
          {busy ? 'Signing in…' : guestLabel}
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
      {(providers.github || providers.google) && <p className={styles.or}>or</p>}
      {providers.github && (
        <button
          type="button"
          onClick={() => confirmingIfGuest('Sign in with GitHub', () => void signIn('github', { callbackUrl }))}
        >
          Sign in with GitHub
        </button>
      )}
      {providers.google && (
        <button
          type="button"
          onClick={() => confirmingIfGuest('Sign in with Google', () => void signIn('google', { callbackUrl }))}
        >
          Sign in with Google
        </button>
      )}
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        title={`Leave the guest account “${signedIn?.name ?? ''}”?`}
        description={GUEST_LOSS_WARNING}
        confirmLabel={pending?.label ?? ''}
        onConfirm={() => {
          pending?.run()
          setPending(null)
        }}
      />
    </div>
  )
}

const noSubscription = () => () => {}

/** False in the server's HTML, true once React runs in the browser (the button works only then). */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false
  )
}
