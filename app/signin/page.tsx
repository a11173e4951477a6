import { headers } from 'next/headers'
import { enabledProviders } from '@/server/auth/authOptions'
import { headerReader, primaryOrigin } from '@/server/http/appOrigin'
import { safeCallbackPath } from '@/lib/url/safeCallbackPath'
import { SignInForm } from '@/components/auth/SignInForm'
import styles from '../home.module.css'

/** Sign-in: a guest name always works; GitHub and Google appear when configured. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: unknown }> }) {
  const { callbackUrl } = await searchParams
  // Only paths on this origin, parsed as a browser would: never bounce a user elsewhere after sign-in.
  const origin = primaryOrigin(headerReader(await headers())) ?? undefined
  const next = safeCallbackPath(callbackUrl, origin)
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Sign in to Mockboard</h1>
      <SignInForm callbackUrl={next} providers={enabledProviders()} />
    </main>
  )
}
