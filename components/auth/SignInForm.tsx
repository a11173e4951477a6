'use client'

import { useState, useSyncExternalStore, type FormEvent } from 'react'
import { signIn } from 'next-auth/react'
import styles from './auth.module.css'

/** Guest sign-in with a display name, plus OAuth buttons for the providers the server enables. */
export function SignInForm({
  callbackUrl,
  providers,
}: {
  callbackUrl: string
  providers: { github: boolean; google: boolean }
}) {
  const hydrated = useHydrated()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const signInAsGuest = async (event: FormEvent) => {
    event.preventDefault()
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? '')
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
      <form onSubmit={signInAsGuest} className={styles.form}>
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
          {busy ? 'Signing in…' : 'Continue as guest'}
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
      {(providers.github || providers.google) && <p className={styles.or}>or</p>}
      {providers.github && (
        <button type="button" onClick={() => signIn('github', { callbackUrl })}>
          Sign in with GitHub
        </button>
      )}
      {providers.google && (
        <button type="button" onClick={() => signIn('google', { callbackUrl })}>
          Sign in with Google
        </button>
      )}
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
