import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import GitHubProvider from 'next-auth/providers/github'
import GoogleProvider from 'next-auth/providers/google'
import { checkVisibleText, toVisibleText, visibleTextSchema } from '@/lib/text/visibleText'
import { safeCallbackPath } from '@/lib/url/safeCallbackPath'
import { headerReader } from '../http/appOrigin'
import { CLIENT_IP_HEADER } from '../http/clientIp'
import { describeWait, httpQuotas } from '../http/quotas'

const GUEST_NAME = { noun: 'name', max: 40 }

/** A guest's display name: what they type on the sign-in page (the rule of `lib/text/visibleText.ts`). */
export const guestNameSchema = visibleTextSchema(GUEST_NAME)

/** Which sign-in methods this deployment offers (OAuth only when configured). */
export function enabledProviders(env: NodeJS.ProcessEnv = process.env): { github: boolean; google: boolean } {
  return {
    github: Boolean(env.GITHUB_ID && env.GITHUB_SECRET),
    google: Boolean(env.GOOGLE_ID && env.GOOGLE_SECRET),
  }
}

/**
 * next-auth configuration. Sessions are JWTs in a cookie (no database);
 * the user id is `guest:<random>` for guests and `github:<id>` / `google:<id>`
 * for OAuth accounts, so ids from different providers never collide.
 */
export function createAuthOptions(env: NodeJS.ProcessEnv = process.env): NextAuthOptions {
  const enabled = enabledProviders(env)
  return {
    secret: env.AUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/signin' },
    providers: [
      CredentialsProvider({
        id: 'guest',
        name: 'Guest',
        credentials: { name: { label: 'Your name', type: 'text' } },
        async authorize(credentials, request) {
          const name = checkVisibleText(guestNameSchema, credentials?.name)
          // Thrown, the message reaches the sign-in form, which shows it: why this name cannot be used.
          if (!name.ok) throw new Error(name.message)
          // Per-IP quota: each guest sign-in mints a new identity. Thrown, the message reaches the client.
          const ip = headerReader(request?.headers)(CLIENT_IP_HEADER) ?? 'unknown'
          const quota = await httpQuotas().guestSignIn(ip)
          if (!quota.ok) {
            throw new Error(
              `Too many guest sign-ins from your network. Try again in ${describeWait(quota.retryAfterMs)}.`
            )
          }
          return { id: `guest:${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`, name: name.text }
        },
      }),
      ...(enabled.github ? [GitHubProvider({ clientId: env.GITHUB_ID!, clientSecret: env.GITHUB_SECRET! })] : []),
      ...(enabled.google ? [GoogleProvider({ clientId: env.GOOGLE_ID!, clientSecret: env.GOOGLE_SECRET! })] : []),
    ],
    callbacks: {
      // After sign-in or sign-out, only ever go to a path on this origin.
      async redirect({ url, baseUrl }) {
        const origin = new URL(baseUrl).origin
        return `${origin}${safeCallbackPath(url, origin)}`
      },
      async jwt({ token, user, account }) {
        if (user) {
          token.uid = account && account.provider !== 'guest' ? `${account.provider}:${user.id}` : user.id
          // A guest's name passed the rule when typed; a provider's profile name is whatever the person set there.
          token.name = toVisibleText(user.name, GUEST_NAME, 'Member')
        }
        return token
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: String(token.uid), name: token.name ?? 'Guest' } }
      },
    },
  }
}
