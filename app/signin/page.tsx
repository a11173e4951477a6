import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { enabledProviders } from '@/server/auth/authOptions'
import { currentActor } from '@/server/auth/session'
import { headerReader, primaryOrigin } from '@/server/http/appOrigin'
import { safeCallbackPath } from '@/lib/url/safeCallbackPath'
import { signedInAccount } from '@/components/auth/accountKind'
import { SignInForm } from '@/components/auth/SignInForm'
import { SignedInNotice } from '@/components/auth/SignedInNotice'
import styles from '../home.module.css'

export const metadata: Metadata = { title: 'Sign in · Mockboard' }

/**
 * Sign-in: a guest name always works; GitHub and Google appear when configured.
 * Someone already signed in is told who they are first, since signing in again replaces them.
 */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: unknown }> }) {
  const { callbackUrl } = await searchParams
  // Only paths on this origin, parsed as a browser would: never bounce a user elsewhere after sign-in.
  const origin = primaryOrigin(headerReader(await headers())) ?? undefined
  const next = safeCallbackPath(callbackUrl, origin)
  const actor = await currentActor()
  const account = actor ? signedInAccount(actor) : null
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Sign in to Mockboard</h1>
      {account && <SignedInNotice account={account} />}
      <SignInForm callbackUrl={next} providers={enabledProviders()} signedIn={account} />
    </main>
  )
}
