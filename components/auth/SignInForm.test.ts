// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { act } from 'react'
import { byTestId, cleanUp, click, renderForTest } from './renderForTest'

const nextAuth = vi.hoisted(() => ({ signIn: vi.fn(), signOut: vi.fn(), getSession: vi.fn() }))
vi.mock('next-auth/react', () => nextAuth)
const { SignInForm } = await import('./SignInForm')

const providers = { github: true, google: false }

beforeEach(() => {
  vi.clearAllMocks()
  nextAuth.signIn.mockResolvedValue({ ok: false, error: 'CredentialsSignin' })
})
afterEach(cleanUp)

/** Types a name and submits the guest form (as Enter in the field does). */
async function submitGuestName(name: string) {
  ;(byTestId('guest-name') as HTMLInputElement).value = name
  await act(async () => {
    byTestId('guest-name')!.closest('form')!.requestSubmit()
    await Promise.resolve()
  })
}

describe('SignInForm', () => {
  test('signed out: a guest name signs in at once', async () => {
    renderForTest(SignInForm, { callbackUrl: '/', providers })
    expect(byTestId('guest-sign-in')?.textContent).toBe('Continue as guest')
    await submitGuestName('Ann')
    expect(nextAuth.signIn).toHaveBeenCalledWith('guest', { name: 'Ann', redirect: false, callbackUrl: '/' })
  })

  test('signed in as a guest: a new guest, or GitHub, replaces them only after they confirm', async () => {
    renderForTest(SignInForm, { callbackUrl: '/', providers, signedIn: { name: 'Ann', guest: true } })
    expect(byTestId('guest-sign-in')?.textContent).toBe('Continue as a new guest')
    await submitGuestName('Ann')
    expect(nextAuth.signIn).not.toHaveBeenCalled()
    expect(byTestId('confirm-dialog')?.textContent).toMatch(/Leave the guest account “Ann”\?.*cannot sign back in/)
    await click(byTestId('confirm-action'))
    expect(nextAuth.signIn).toHaveBeenCalledWith('guest', expect.objectContaining({ name: 'Ann' }))

    nextAuth.signIn.mockClear()
    await click([...document.querySelectorAll('button')].find((b) => b.textContent === 'Sign in with GitHub') ?? null)
    expect(nextAuth.signIn).not.toHaveBeenCalled()
    expect(byTestId('confirm-action')?.textContent).toBe('Sign in with GitHub')
  })

  test('signed in with OAuth: no confirmation (they can sign back in), but the button says it is a new guest', async () => {
    renderForTest(SignInForm, { callbackUrl: '/', providers, signedIn: { name: 'Bo', guest: false } })
    expect(byTestId('guest-sign-in')?.textContent).toBe('Continue as a new guest')
    await submitGuestName('Bo')
    expect(byTestId('confirm-dialog')).toBeNull()
    expect(nextAuth.signIn).toHaveBeenCalled()
  })
})
