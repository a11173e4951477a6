import { enabledProviders } from '@/server/auth/authOptions'
import { SignInForm } from '@/components/auth/SignInForm'
import styles from '../home.module.css'

/** Sign-in: a guest name always works; GitHub and Google appear when configured. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams
  // Only same-site paths: never bounce a user to another origin after sign-in.
  const next = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/'
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Sign in to Mockboard</h1>
      <SignInForm callbackUrl={next} providers={enabledProviders()} />
    </main>
  )
}
