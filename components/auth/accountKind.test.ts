import { describe, expect, test } from 'vitest'
import type { CredentialsConfig } from 'next-auth/providers/credentials'
// eslint-disable-next-line no-restricted-imports -- a test, not browser code: it checks the rule against the server's ids
import { createAuthOptions } from '@/server/auth/authOptions'
import { isGuestUserId, signedInAccount } from './accountKind'

/** Signs in through the real guest provider, as next-auth would, and returns the minted user id. */
async function mintGuestId(): Promise<string> {
  // next-auth merges a provider's options into it at runtime; here the guest one is still the raw config.
  const guest = createAuthOptions({} as NodeJS.ProcessEnv).providers.find(
    (p) => p.type === 'credentials'
  ) as CredentialsConfig
  const user = await guest.options.authorize({ name: 'Ann' }, { headers: { 'x-forwarded-for': '203.0.113.9' } })
  return String(user?.id)
}

describe('isGuestUserId', () => {
  test('recognises the ids the guest provider mints', async () => {
    expect(isGuestUserId(await mintGuestId())).toBe(true)
  })

  test('never takes an OAuth account for a guest', () => {
    expect(isGuestUserId('github:12345')).toBe(false)
    expect(isGuestUserId('google:guest:1')).toBe(false)
    // A provider named like a guest is still not one: only the exact prefix counts.
    expect(isGuestUserId('guests:1')).toBe(false)
  })
})

describe('signedInAccount', () => {
  test('keeps the name and says whether the actor is a guest', () => {
    expect(signedInAccount({ userId: 'guest:abc', name: 'Ann' })).toEqual({ name: 'Ann', guest: true })
    expect(signedInAccount({ userId: 'github:1', name: 'Bo' })).toEqual({ name: 'Bo', guest: false })
  })
})
