import { describe, expect, test } from 'vitest'
import type { CredentialsConfig } from 'next-auth/providers/credentials'
import { createAuthOptions, guestNameSchema } from './authOptions'

/** The guest provider's `authorize`, as next-auth calls it (its options not yet merged in). */
function guestAuthorize() {
  const guest = createAuthOptions({} as NodeJS.ProcessEnv).providers.find(
    (p) => p.type === 'credentials'
  ) as CredentialsConfig
  return (name: string) => guest.options.authorize({ name }, { headers: { 'x-forwarded-for': '203.0.113.7' } })
}

describe('guest sign-in names', () => {
  test('a real name signs in, trimmed and normalised (NFC)', async () => {
    const user = await guestAuthorize()('  Jose\u0301 ')
    expect(user).toMatchObject({ id: expect.stringMatching(/^guest:/), name: 'José' })
  })

  test('an invisible or deceptive name is refused with the sentence the sign-in form shows', async () => {
    const authorize = guestAuthorize()
    // next-auth passes a thrown message to `signIn`'s `error`, which SignInForm shows as it is.
    await expect(authorize('\u200B\u200B\u200B')).rejects.toThrow(/^A name cannot contain invisible characters/)
    await expect(authorize('Alice\u202Egnp.exe')).rejects.toThrow(/text-direction overrides/)
    await expect(authorize('Al\u0000ice')).rejects.toThrow(/control characters/)
    await expect(authorize(`Z${'\u0301'.repeat(39)}`)).rejects.toThrow(/at most 4 accents or marks/)
    await expect(authorize('   ')).rejects.toThrow('Enter a name: it cannot be blank.')
    await expect(authorize('x'.repeat(41))).rejects.toThrow('A name can be at most 40 characters.')
  })

  test('the schema is the shared visible-text rule', () => {
    expect(guestNameSchema.safeParse('\u3164').success).toBe(false)
    expect(guestNameSchema.safeParse('👩‍💻').success).toBe(true)
  })
})

describe('OAuth display names', () => {
  test("a provider's profile name is shown without what the name rule refuses; none at all becomes Member", async () => {
    // The bug: a GitHub name with a text-direction override or 200 characters reached every board's presence list.
    const { jwt } = createAuthOptions({} as NodeJS.ProcessEnv).callbacks!
    const signIn = async (name: string | null) =>
      (
        await jwt!({
          token: {},
          user: { id: '42', name },
          account: { provider: 'github', type: 'oauth', providerAccountId: '42' },
        })
      ).name
    expect(await signIn('Nguyễn Thị 🏳️‍🌈')).toBe('Nguyễn Thị 🏳️‍🌈')
    expect(await signIn('Alice\u202Egnp.exe')).toBe('Alicegnp.exe')
    expect(await signIn('x'.repeat(200))).toBe('x'.repeat(40))
    expect(await signIn(null)).toBe('Member')
  })
})
